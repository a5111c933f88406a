using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace MigrationAnalyzers.Tests.Infrastructure;

/// <summary>
/// A comparable picture of a SQLite database's schema: every table, index, view and trigger from
/// <c>sqlite_master</c> (its SQL with whitespace normalised), and for each table its columns
/// (<c>pragma table_info</c>), indexes with their columns (<c>pragma index_list</c>/<c>index_info</c>) and foreign keys
/// (<c>pragma foreign_key_list</c>). The migration frameworks' own bookkeeping tables are left out, so a schema taken
/// before a migration can be compared with one taken after rolling it back.
/// </summary>
public sealed class SqliteSchema : IEquatable<SqliteSchema>
{
    /// <summary>Tables the frameworks keep for themselves (EF Core's history, FluentMigrator's VersionInfo) and SQLite's own.</summary>
    private static readonly HashSet<string> Bookkeeping = new(StringComparer.OrdinalIgnoreCase)
    {
        "__EFMigrationsHistory", "__EFMigrationsLock", "VersionInfo", "UC_Version", "sqlite_sequence",
    };

    private SqliteSchema(string description)
    {
        Description = description;
    }

    /// <summary>The schema as text, one fact per line, sorted; two schemas are equal when their descriptions are.</summary>
    public string Description { get; }

    public bool IsEmpty => Description.Length == 0;

    /// <param name="includeRows">Also record every row of every user table, for migrations that insert or delete data.</param>
    public static SqliteSchema Capture(string connectionString, bool includeRows = false)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        return Capture(connection, includeRows);
    }

    public static SqliteSchema Capture(SqliteConnection connection, bool includeRows = false)
    {
        var lines = new List<string>();
        var tables = new List<string>();
        foreach (var row in Query(connection, "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_autoindex%'"))
        {
            var (type, name, table) = ((string)row[0]!, (string)row[1]!, (string)row[2]!);
            if (Bookkeeping.Contains(name) || Bookkeeping.Contains(table))
            {
                continue;
            }

            lines.Add($"{type} {name} on {table}: {NormaliseSql(row[3] as string)}");
            if (type == "table")
            {
                tables.Add(name);
            }
        }

        foreach (var table in tables)
        {
            foreach (var column in Query(connection, $"PRAGMA table_info({Quote(table)})"))
            {
                // cid, name, type, notnull, dflt_value, pk
                lines.Add($"column {table}.{column[1]} type={column[2]} notnull={column[3]} default={column[4] ?? "null"} pk={column[5]}");
            }

            foreach (var index in Query(connection, $"PRAGMA index_list({Quote(table)})"))
            {
                // seq, name, unique, origin, partial
                var name = (string)index[1]!;
                var columns = Query(connection, $"PRAGMA index_info({Quote(name)})").Select(c => c[2]?.ToString() ?? "<expression>");
                var shownName = name.StartsWith("sqlite_autoindex", StringComparison.Ordinal) ? "<auto>" : name;
                lines.Add($"index {table}.{shownName} unique={index[2]} origin={index[3]} partial={index[4]} columns=({string.Join(", ", columns)})");
            }

            foreach (var key in Query(connection, $"PRAGMA foreign_key_list({Quote(table)})"))
            {
                // id, seq, table, from, to, on_update, on_delete, match
                lines.Add($"foreign key {table}.{key[3]} -> {key[2]}.{key[4]} on update {key[5]} on delete {key[6]}");
            }

            if (includeRows)
            {
                foreach (var row in Query(connection, $"SELECT * FROM {Quote(table)}"))
                {
                    lines.Add($"row {table}: {string.Join(" | ", row.Select(v => v?.ToString() ?? "null"))}");
                }
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return new SqliteSchema(string.Join("\n", lines));
    }

    /// <summary>The names of the user tables, for assertions such as "the migration created Orders".</summary>
    public IReadOnlyList<string> Tables
        => Description.Split('\n').Where(l => l.StartsWith("table ", StringComparison.Ordinal)).Select(l => l.Split(' ')[1]).ToList();

    public bool Equals(SqliteSchema? other) => other is not null && other.Description == Description;

    public override bool Equals(object? obj) => Equals(obj as SqliteSchema);

    public override int GetHashCode() => Description.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Description;

    /// <summary>The lines only one of the two schemas has, for a readable assertion message.</summary>
    public static string Difference(SqliteSchema expected, SqliteSchema actual)
    {
        var left = expected.Description.Split('\n').ToHashSet();
        var right = actual.Description.Split('\n').ToHashSet();
        var builder = new StringBuilder();
        foreach (var line in left.Except(right))
        {
            builder.Append("- ").AppendLine(line);
        }

        foreach (var line in right.Except(left))
        {
            builder.Append("+ ").AppendLine(line);
        }

        return builder.ToString();
    }

    /// <summary>SQLite keeps the CREATE text as written; ALTER TABLE edits it in place, so spacing may drift.</summary>
    private static string NormaliseSql(string? sql)
    {
        if (sql is null)
        {
            return "null";
        }

        var collapsed = Regex.Replace(sql, @"\s+", " ");
        return Regex.Replace(collapsed, @"\s*([(),])\s*", "$1").Trim();
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";

    private static List<object?[]> Query(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }
}
