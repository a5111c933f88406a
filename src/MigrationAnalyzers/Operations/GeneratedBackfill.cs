using System;

namespace MigrationAnalyzers.Operations;

/// <summary>
/// The NULL backfill Pomelo (MySQL) scaffolds as part of making a column NOT NULL:
/// <c>UpdateData(table: "T", keyColumn: "X", keyValue: null, column: "X", value: "")</c> followed in the same body by
/// <c>AlterColumn</c> of X to NOT NULL. It belongs to the NOT NULL change: it is not a data change of its own
/// (MIG1020) and Down, which makes the column nullable again, needs no inverse for it (MIG1002).
/// </summary>
public static class GeneratedBackfill
{
    /// <summary>Is <paramref name="operation"/> (in <paramref name="body"/>) the generated backfill of a NOT NULL change?</summary>
    public static bool Is(MigrationBody body, MigrationOperation operation)
    {
        if (operation.Kind != MigrationOperationKind.UpdateData
            || operation.Framework != MigrationFramework.EntityFrameworkCore
            || operation.Table is not { } table
            || operation.GetArgument("keyColumn")?.StringValue is not { } keyColumn
            || operation.GetArgument("keyValue") is not { IsNull: true }
            || operation.GetArgument("column")?.StringValue is not { } column
            || !string.Equals(keyColumn, column, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var after = false;
        foreach (var candidate in body.Operations)
        {
            if (ReferenceEquals(candidate, operation))
            {
                after = true;
                continue;
            }

            if (after && MakesNotNull(candidate, operation.Schema, table, column))
            {
                return true;
            }
        }

        return false;
    }

    // EF Core's AlterColumn defaults nullable to false: an omitted nullable is NOT NULL.
    private static bool MakesNotNull(MigrationOperation candidate, string? schema, string table, string column)
        => candidate.Kind == MigrationOperationKind.AlterColumn
           && candidate.Table is { } candidateTable
           && TableName.Matches(candidate.Schema, candidateTable, schema, table)
           && string.Equals(candidate.Name, column, StringComparison.OrdinalIgnoreCase)
           && candidate.Column is { } definition
           && (definition.GetArgument("nullable") is not { } nullable || nullable.BoolValue == false);
}
