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
