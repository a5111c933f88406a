using System;
using System.Collections.Generic;

namespace MigrationAnalyzers.Model;

/// <summary>
/// Which tables a migration body creates before a given operation. Operations on such a table cannot block anyone:
/// nobody reads or writes a table that did not exist when the migration started (squawk and strong_migrations
/// exempt them too). Renames of a new table keep it new.
/// </summary>
public static class NewTables
{
    /// <summary>True when <paramref name="operation"/>'s table was created (or renamed from a new table) earlier in <paramref name="body"/>.</summary>
    public static bool IsCreatedBefore(MigrationBody body, MigrationOperation operation)
    {
        if (operation.Table is not { } table)
        {
            return false;
        }

        var created = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var earlier in body.Operations)
        {
            if (ReferenceEquals(earlier, operation))
            {
                break;
            }

            switch (earlier.Kind)
            {
                case OperationKind.CreateTable when earlier.Table is not null:
                    created.Add(Key(earlier.Schema, earlier.Table));
                    break;
                case OperationKind.RenameTable when earlier.Table is not null && created.Contains(Key(earlier.Schema, earlier.Table)):
                    created.Add(Key(earlier.NewSchema ?? earlier.Schema, earlier.NewName ?? earlier.Table));
                    break;
                case OperationKind.DropTable when earlier.Table is not null:
                    created.Remove(Key(earlier.Schema, earlier.Table));
                    break;
            }
        }

        return created.Contains(Key(operation.Schema, table));
    }

    private static string Key(string? schema, string table) => (schema ?? string.Empty) + "\u0001" + table;
}
