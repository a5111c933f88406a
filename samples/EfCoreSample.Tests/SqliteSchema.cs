using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Shop.Data.Tests;

/// <summary>The user-visible schema of a SQLite database: every table and index with its SQL, without EF's history table.</summary>
internal static class SqliteSchema
{
    public static IReadOnlyList<string> Describe(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT type || ' ' || name || ': ' || IFNULL(sql, '')
            FROM sqlite_master
            WHERE name NOT LIKE 'sqlite_%' AND tbl_name <> '__EFMigrationsHistory'
            ORDER BY type, name
            """;
        using var reader = command.ExecuteReader();
        var entries = new List<string>();
        while (reader.Read())
        {
            entries.Add(reader.GetString(0));
        }

        return entries;
    }

    /// <summary>
    /// What a rollback must give back: each table's columns, keys and indexes, then every row in key order. Columns are
    /// listed by name, not by position: to drop a column EF Core rebuilds a SQLite table, and the rebuilt table may
    /// list its columns in another order, which nothing that reads columns by name can see.
    /// </summary>
    public static string State(SqliteConnection connection)
    {
        var lines = new List<string>();
        foreach (var table in Tables(connection))
        {
            lines.Add("table " + table);
            lines.AddRange(Query(connection, $"SELECT 'column ' || name || ' ' || type || IIF(\"notnull\", ' NOT NULL', '') || IIF(pk > 0, ' PRIMARY KEY', '') || IFNULL(' DEFAULT ' || dflt_value, '') FROM pragma_table_info('{table}')").Order(StringComparer.Ordinal));
            lines.AddRange(Query(connection, $"SELECT 'foreign key ' || \"from\" || ' -> ' || \"table\" || '.' || \"to\" || ' ON DELETE ' || on_delete FROM pragma_foreign_key_list('{table}')").Order(StringComparer.Ordinal));
            lines.AddRange(Query(connection, $"SELECT 'index ' || name || ': ' || sql FROM sqlite_master WHERE type = 'index' AND tbl_name = '{table}' AND sql IS NOT NULL").Order(StringComparer.Ordinal));
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var values = Enumerable.Range(0, reader.FieldCount)
                    .Select(column => reader.GetName(column) + "=" + (reader.IsDBNull(column) ? "NULL" : Convert.ToString(reader.GetValue(column), CultureInfo.InvariantCulture)))
                    .Order(StringComparer.Ordinal);
                lines.Add("  row " + string.Join(", ", values));
            }
        }

        return string.Join("\n", lines);
    }

    private static IEnumerable<string> Query(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add("  " + reader.GetString(0));
        }

        return lines;
    }

    public static IReadOnlyList<string> Tables(SqliteConnection connection)
        => Describe(connection).Where(entry => entry.StartsWith("table ", StringComparison.Ordinal))
            .Select(entry => entry.Substring("table ".Length, entry.IndexOf(':') - "table ".Length))
            .ToList();
}
