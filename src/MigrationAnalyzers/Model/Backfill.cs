using System;
using System.Collections.Immutable;
using System.Linq;
using MigrationAnalyzers.Sql;

namespace MigrationAnalyzers.Model;

/// <summary>
/// Whether a migration fills a column's NULLs before an operation that makes it NOT NULL: an <c>UpdateData</c> /
/// <c>Update.Table</c> on the table, or raw SQL that updates it. SQL or code the analyzers cannot read counts as a
/// possible backfill, so rules stay silent rather than guess.
/// </summary>
public static class Backfill
{
    /// <summary>
    /// A backfill before <paramref name="operation"/> in the same migration, or in an earlier migration of the same
    /// history back to the one that added the column: the seed's three-step pattern (add nullable, backfill in a
    /// migration of its own, then make NOT NULL) backfills in the migration before.
    /// </summary>
    public static bool Before(MigrationCatalog catalog, MigrationInfo migration, MigrationOperation operation)
    {
        if (Before(migration.Up, operation))
        {
            return true;
        }

        if (operation.Table is not { } table || operation.Name is not { } column)
        {
            return false;
        }

        foreach (var earlier in catalog.EarlierNewestFirst(migration))
        {
            var addsColumn = false;
            foreach (var candidate in earlier.Up.Operations)
            {
                if (candidate.Table is { } candidateTable && TableName.Matches(candidate.Schema, candidateTable, operation.Schema, table)
                    && ((candidate.Kind == OperationKind.AddColumn && string.Equals(candidate.Name, column, StringComparison.OrdinalIgnoreCase))
                        || (candidate.Kind == OperationKind.CreateTable && candidate.ColumnDefinitions.Any(c => string.Equals(c.Name, column, StringComparison.OrdinalIgnoreCase)))))
                {
                    addsColumn = true;
                }
            }

            if (UpdatesAnywhere(earlier.Up, operation.Schema, table, column))
            {
                return true;
            }

            if (addsColumn)
            {
                return false;
            }
        }

        return false;
    }

    private static bool UpdatesAnywhere(MigrationBody body, string? schema, string table, string column)
    {
        foreach (var operation in body.Operations)
        {
            switch (operation.Kind)
            {
                case OperationKind.UpdateData when operation.Table is null
                                                   || (TableName.Matches(operation.Schema, operation.Table, schema, table) && Writes(operation, column)):
                    return true;
                case OperationKind.Sql when operation.SqlText is { } sql && UpdatesColumn(sql, table, column):
                    return true;
            }
        }

        return false;
    }

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
                case OperationKind.Unknown or OperationKind.OpaqueScript:
                    return true;
                case OperationKind.UpdateData when earlier.Table is null
                                                   || (TableName.Matches(earlier.Schema, earlier.Table, operation.Schema, table) && Writes(earlier, operation.Name)):
                    return true;
                case OperationKind.Sql when earlier.SqlText is not { } sql || UpdatesColumn(sql, table, operation.Name):
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
        for (var index = 0; index < tokens.Length; index++)
        {
            if (!tokens[index].Is("UPDATE"))
            {
                continue;
            }

            var next = index + 1 < tokens.Length && tokens[index + 1].Is("ONLY") ? index + 2 : index + 1;
            if (SqlNames.ReadQualified(tokens, ref next) is { } name
                && (string.Equals(name, table, StringComparison.OrdinalIgnoreCase)
                    || name.EndsWith("." + table, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Names(ImmutableArray<SqlToken> tokens, string name)
        => tokens.Any(token => token.IsName && string.Equals(token.Value, name, StringComparison.OrdinalIgnoreCase));
}
