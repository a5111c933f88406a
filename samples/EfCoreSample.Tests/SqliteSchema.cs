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

    public static IReadOnlyList<string> Tables(SqliteConnection connection)
        => Describe(connection).Where(entry => entry.StartsWith("table ", StringComparison.Ordinal))
            .Select(entry => entry.Substring("table ".Length, entry.IndexOf(':') - "table ".Length))
            .ToList();
}
