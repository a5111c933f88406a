using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace MigrationAnalyzers.Tests.Infrastructure;

/// <summary>A temporary SQLite file as an <see cref="ITestDatabase"/>.</summary>
public sealed class SqliteTestDatabase : ITestDatabase
{
    public SqliteDatabase File { get; } = new();

    public string Engine => TestDatabases.Sqlite;

    public string ConnectionString => File.ConnectionString;

    public void Execute(string sql) => File.Execute(sql);

    public IReadOnlyList<string> Rows(string table, string columns, string orderBy)
        => File.Query($"SELECT {columns} FROM \"{table}\" ORDER BY {orderBy}").Select(Format).ToList();

    public bool? IsNullable(string table, string column)
    {
        var info = File.Query($"SELECT \"notnull\" FROM pragma_table_info('{table}') WHERE name = '{column}'");
        return info.Count == 0 ? null : System.Convert.ToInt64(info[0][0], CultureInfo.InvariantCulture) == 0;
    }

    public string Snapshot()
    {
        var text = new System.Text.StringBuilder();
        var tables = File.Query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('__EFMigrationsHistory', 'VersionInfo') ORDER BY name")
            .Select(row => (string)row[0]!).ToList();
        foreach (var table in tables)
        {
            var columns = File.Query($"SELECT name, \"notnull\" FROM pragma_table_info('{table}') ORDER BY name")
                .Select(row => ((string)row[0]!, System.Convert.ToInt64(row[1], CultureInfo.InvariantCulture) == 0)).ToList();
            var indexes = File.Query($"SELECT name FROM pragma_index_list('{table}') WHERE origin = 'c' ORDER BY name").Select(row => (string)row[0]!);
            TestDatabaseSnapshot.Append(text, table, columns, indexes, Rows(table, string.Join(", ", columns.Select(column => $"\"{column.Item1}\"")), "1"));
        }

        return text.ToString();
    }

    public void Dispose() => File.Dispose();

    internal static string Format(object?[] row)
        => string.Join(" | ", row.Select(value => value switch
        {
            null => "NULL",
            double number => number.ToString("0.###", CultureInfo.InvariantCulture),
            decimal number => number.ToString("0.###", CultureInfo.InvariantCulture),
            float number => number.ToString("0.###", CultureInfo.InvariantCulture),
            bool flag => flag ? "1" : "0",
            _ => System.Convert.ToString(value, CultureInfo.InvariantCulture),
        }));
}
