using System;
using System.Collections.Generic;
using MigrationAnalyzers.Operations;

namespace MigrationAnalyzers.History;

/// <summary>
/// What a migration built itself before a given operation: the part of the schema timeline that one body holds.
/// A table created (or a column added) earlier in the same migration holds no rows and no running code knows it
/// yet, so changing it is safe. Rules on Up ask through <see cref="History.UpTimeline"/>; a Down body and the code
/// fixes ask here directly.
/// </summary>
public static class SameMigration
{
    /// <summary>The operation's table was created earlier in <paramref name="body"/> (possibly under another name, then renamed).</summary>
    public static bool CreatesTableBefore(MigrationBody body, MigrationOperation operation)
        => operation.Table is { } table && NewTablesBefore(body, operation).Exists(t => TableName.Matches(t.Schema, t.Name, operation.Schema, table));

    /// <summary>The operation's column was added earlier in <paramref name="body"/>, or its whole table was created there.</summary>
    public static bool AddsColumnBefore(MigrationBody body, MigrationOperation operation)
    {
        if (operation.Table is not { } table || operation.Name is not { } column)
        {
            return false;
        }

        if (CreatesTableBefore(body, operation))
        {
            return true;
        }

        foreach (var earlier in body.Operations)
        {
            if (ReferenceEquals(earlier, operation))
            {
                break;
            }

            var added = earlier.Kind == MigrationOperationKind.AddColumn ? earlier.Name
                : earlier.Kind == MigrationOperationKind.RenameColumn && IsAddedBefore(body, earlier) ? earlier.NewName
                : null;
            if (added is not null
                && string.Equals(added, column, StringComparison.OrdinalIgnoreCase)
                && earlier.Table is { } earlierTable
                && TableName.Matches(earlier.Schema, earlierTable, operation.Schema, table))
            {
                return true;
            }
        }

        return false;

        static bool IsAddedBefore(MigrationBody body, MigrationOperation rename) => AddsColumnBefore(body, rename);
    }

    /// <summary>
    /// Table <paramref name="table"/> was created earlier in <paramref name="body"/> than <paramref name="operation"/>;
    /// for names that come from elsewhere than the operation itself (raw SQL). A null schema matches any.
    /// </summary>
    public static bool CreatesTableBefore(MigrationBody body, MigrationOperation operation, string? schema, string table)
        => NewTablesBefore(body, operation).Exists(t => TableName.Matches(t.Schema, t.Name, schema, table));

    /// <summary>Column <paramref name="column"/> of <paramref name="table"/> was added (or its table created) earlier in <paramref name="body"/>.</summary>
    public static bool AddsColumnBefore(MigrationBody body, MigrationOperation operation, string? schema, string table, string column)
    {
        if (CreatesTableBefore(body, operation, schema, table))
        {
            return true;
        }

        foreach (var earlier in body.Operations)
        {
            if (ReferenceEquals(earlier, operation))
            {
                break;
            }

            if (earlier.Kind == MigrationOperationKind.AddColumn
                && string.Equals(earlier.Name, column, StringComparison.OrdinalIgnoreCase)
                && earlier.Table is { } earlierTable
                && TableName.Matches(earlier.Schema, earlierTable, schema, table))
            {
                return true;
            }
        }

        return false;
    }

    private static List<(string? Schema, string Name)> NewTablesBefore(MigrationBody body, MigrationOperation operation)
    {
        var tables = new List<(string? Schema, string Name)>();
        foreach (var earlier in body.Operations)
        {
            if (ReferenceEquals(earlier, operation))
            {
                break;
            }

            if (earlier.Kind == MigrationOperationKind.CreateTable && earlier.Table is { } created)
            {
                tables.Add((earlier.Schema, created));
            }
            else if (earlier.Kind == MigrationOperationKind.RenameTable
                     && earlier.Table is { } from
                     && earlier.NewName is { } to
                     && tables.Exists(t => TableName.Matches(t.Schema, t.Name, earlier.Schema, from)))
            {
                tables.Add((earlier.NewSchema ?? earlier.Schema, to));
            }
        }

        return tables;
    }
}
