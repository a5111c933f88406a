using System;
using System.Collections.Generic;

namespace MigrationAnalyzers.Model;

/// <summary>
/// Which tables and columns a migration body creates before a given operation. Operations on them cannot hurt
/// anyone: nobody reads or writes a table or column that did not exist when the migration started (squawk and
/// strong_migrations exempt them too). Renames of a new table keep it new.
/// </summary>
public static class NewTables
{
    /// <summary>True when <paramref name="operation"/>'s table was created (or renamed from a new table) earlier in <paramref name="body"/>.</summary>
    public static bool IsCreatedBefore(MigrationBody body, MigrationOperation operation)
        => operation.Table is { } table && IsTableCreatedBefore(body, operation, operation.Schema, table);

    /// <summary>
    /// True when table <paramref name="table"/> was created earlier in <paramref name="body"/> than <paramref name="operation"/>.
    /// A null <paramref name="schema"/> matches any schema (raw SQL often leaves it out).
    /// </summary>
    public static bool IsTableCreatedBefore(MigrationBody body, MigrationOperation operation, string? schema, string table)
    {
        var created = new List<(string? Schema, string Table)>();
        foreach (var earlier in body.Operations)
        {
            if (ReferenceEquals(earlier, operation))
            {
                break;
            }

            switch (earlier.Kind)
            {
                case OperationKind.CreateTable when earlier.Table is not null:
                    created.Add((earlier.Schema, earlier.Table));
                    break;
                case OperationKind.RenameTable when earlier.Table is not null && IndexOf(created, earlier.Schema, earlier.Table) is var renamed and >= 0:
                    created[renamed] = (earlier.NewSchema ?? earlier.Schema, earlier.NewName ?? earlier.Table);
                    break;
                case OperationKind.DropTable when earlier.Table is not null && IndexOf(created, earlier.Schema, earlier.Table) is var dropped and >= 0:
                    created.RemoveAt(dropped);
                    break;
            }
        }

        return IndexOf(created, schema, table) >= 0;
    }

    /// <summary>True when column <paramref name="column"/> of <paramref name="table"/> was added earlier in <paramref name="body"/>.</summary>
    public static bool IsColumnAddedBefore(MigrationBody body, MigrationOperation operation, string table, string column)
    {
        foreach (var earlier in body.Operations)
        {
            if (ReferenceEquals(earlier, operation))
            {
                break;
            }

            if (earlier.Kind == OperationKind.AddColumn && Same(earlier.Table, table) && Same(earlier.Name, column))
            {
                return true;
            }
        }

        return false;
    }

    private static int IndexOf(List<(string? Schema, string Table)> created, string? schema, string table)
    {
        for (var index = 0; index < created.Count; index++)
        {
            if (Same(created[index].Table, table) && (schema is null || created[index].Schema is null || Same(created[index].Schema, schema)))
            {
                return index;
            }
        }

        return -1;
    }

    private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
