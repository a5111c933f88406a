using System;
using System.Collections.Generic;
using System.Linq;

namespace MigrationAnalyzers.Model;

/// <summary>
/// How a column was last defined before an operation, read backwards through the same migration and then the earlier
/// migrations of the same history (following renames). FluentMigrator's <c>Alter.Column</c> does not repeat the old
/// definition the way EF Core's <c>AlterColumn(oldType: …)</c> does; this is where rules find it.
/// </summary>
public static class ColumnHistory
{
    /// <summary>The last <c>CreateTable</c> column, <c>AddColumn</c> or <c>AlterColumn</c> for the operation's column before it; null when none is found.</summary>
    public static ColumnDefinition? PreviousDefinition(MigrationCatalog catalog, MigrationInfo migration, MigrationOperation operation)
    {
        if (operation.Table is not { } table || operation.Name is not { } column)
        {
            return null;
        }

        var schema = operation.Schema;
        var sameMigration = migration.Up.Operations.TakeWhile(o => !ReferenceEquals(o, operation)).Reverse();
        var earlier = catalog.EarlierNewestFirst(migration).SelectMany(m => m.Up.Operations.Reverse());
        foreach (var candidate in sameMigration.Concat(earlier))
        {
            if (candidate.Table is not { } candidateTable)
            {
                continue;
            }

            switch (candidate.Kind)
            {
                case OperationKind.RenameTable when candidate.NewName is { } renamedTo && TableName.Matches(candidate.NewSchema ?? candidate.Schema, renamedTo, schema, table):
                    table = candidateTable;
                    schema = candidate.Schema;
                    continue;
                case OperationKind.DropTable when TableName.Matches(candidate.Schema, candidateTable, schema, table):
                    return null;
            }

            if (!TableName.Matches(candidate.Schema, candidateTable, schema, table))
            {
                continue;
            }

            switch (candidate.Kind)
            {
                case OperationKind.CreateTable:
                    return candidate.ColumnDefinitions.FirstOrDefault(c => Same(c.Name, column));
                case OperationKind.AddColumn or OperationKind.AlterColumn when Same(candidate.Name, column) && candidate.Column is { } definition:
                    return definition;
                case OperationKind.RenameColumn when Same(candidate.NewName, column) && candidate.Name is { } oldName:
                    column = oldName;
                    break;
                case OperationKind.DropColumn when Same(candidate.Name, column):
                    return null;
            }
        }

        return null;
    }

    private static bool Same(string? a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
