using System.Collections.Generic;
using System.Text;
using Microsoft.Data.Sqlite;

namespace MigrationAnalyzers.Tests.Infrastructure.Sqlite;

/// <summary>
/// The schema (as SQLite stores it) and every row of every table, as text that two databases can be compared by.
/// The frameworks' history tables are left out: a split migration has one more history row by design.
/// </summary>
public static class SqliteSnapshot
{
    private static readonly HashSet<string> HistoryTables = new HashSet<string> { "__EFMigrationsHistory", "VersionInfo" };

    public static string Take(SqliteConnection connection)
    {
        var text = new StringBuilder();
        var tables = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var table = reader.GetString(2);
                if (HistoryTables.Contains(table))
                {
                    continue;
                }

                text.Append(reader.GetString(0)).Append(' ').Append(reader.GetString(1)).Append(": ").AppendLine(reader.IsDBNull(3) ? "(implicit)" : reader.GetString(3));
                if (reader.GetString(0) == "table")
                {
                    tables.Add(table);
                }
            }
        }

        foreach (var table in tables)
        {
            text.AppendLine("rows of " + table + ":");
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT * FROM \"" + table + "\" ORDER BY 1";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                for (var column = 0; column < reader.FieldCount; column++)
                {
                    text.Append(column == 0 ? "  " : " | ").Append(reader.GetName(column)).Append('=').Append(reader.IsDBNull(column) ? "NULL" : reader.GetValue(column).ToString());
                }

                text.AppendLine();
            }
        }

        return text.ToString();
    }

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
