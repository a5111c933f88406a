using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using MigrationAnalyzers.Sql;

namespace MigrationAnalyzers.Operations;

/// <summary>
/// Whether a migration fills a column's NULLs before an operation that makes it NOT NULL: an <c>UpdateData</c> /
/// <c>Update.Table</c> on the table, or raw SQL that updates it. SQL or code the analyzers cannot read counts as a
/// possible backfill, so rules stay silent rather than guess.
/// </summary>
public static class Backfill
{
    /// <summary>
    /// A backfill before <paramref name="operation"/> in the same migration. Earlier migrations' backfills are facts
    /// of the schema timeline (<see cref="History.UpTimeline.IsBackfilledBefore"/>), which asks here for the migration itself.
    /// </summary>
    public static bool Before(MigrationBody body, MigrationOperation operation)
    {
        if (operation.Table is not { } table)
        {
            return true;
        }

        if (body.HasUnrecognizedBefore(operation))
        {
            return true;
        }

        foreach (var earlier in body.Operations)
        {
            if (ReferenceEquals(earlier, operation))
            {
                break;
            }

            switch (earlier.Kind)
            {
                case MigrationOperationKind.Unknown or MigrationOperationKind.OpaqueScript:
                    return true;
                case MigrationOperationKind.UpdateData when earlier.Table is null
                                                   || (TableName.Matches(earlier.Schema, earlier.Table, operation.Schema, table) && Writes(earlier, operation.Name)):
                    return true;
                case MigrationOperationKind.Sql when earlier.SqlText is not { } sql || UpdatesColumn(sql, table, operation.Name):
                    return true;
            }
        }

        return false;
    }

    /// <summary>The update writes the column; when its columns are unknown, it may.</summary>
    private static bool Writes(MigrationOperation update, string? column)
    {
        if (column is null || update.Columns.IsEmpty)
        {
            return true;
        }

        foreach (var written in update.Columns)
        {
            if (string.Equals(written, column, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The SQL has an <c>UPDATE</c> of the table (<c>UPDATE "Users"</c>, <c>UPDATE [dbo].[Users]</c>,
    /// <c>update ONLY users</c> …) and names the column somewhere (unknown column: any update of the table). Read with
    /// <see cref="SqlTokenizer"/>, so words in comments and string literals never count.
    /// </summary>
    private static bool UpdatesColumn(string sql, string table, string? column)
    {
        var tokens = SqlTokenizer.Tokenize(sql);
        return UpdatesTable(tokens, table) && (column is null || Names(tokens, column));
    }

    private static bool UpdatesTable(ImmutableArray<SqlToken> tokens, string table)
    {
        foreach (var name in UpdatedTables(tokens))
        {
            if (string.Equals(name, table, StringComparison.OrdinalIgnoreCase)
                || name.EndsWith("." + table, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The tables the SQL updates, as written (<c>dbo.Users</c>, <c>Users</c>).</summary>
    internal static IEnumerable<string> UpdatedTables(ImmutableArray<SqlToken> tokens)
    {
        for (var index = 0; index < tokens.Length; index++)
        {
            if (!tokens[index].Is("UPDATE"))
            {
                continue;
            }

            var next = index + 1 < tokens.Length && tokens[index + 1].Is("ONLY") ? index + 2 : index + 1;
            if (SqlNames.ReadQualified(tokens, ref next) is { } name)
            {
                yield return name;
            }
        }
    }

    private static bool Names(ImmutableArray<SqlToken> tokens, string name)
        => tokens.Any(token => token.IsName && string.Equals(token.Value, name, StringComparison.OrdinalIgnoreCase));
}
