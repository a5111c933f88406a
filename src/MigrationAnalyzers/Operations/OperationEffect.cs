using MigrationAnalyzers.Sql;

namespace MigrationAnalyzers.Operations;

/// <summary>Whether an operation changes the schema, the rows, both, or something the analyzers cannot see.</summary>
public enum OperationEffect
{
    /// <summary>Neither schema nor rows: SELECT, SET, PRAGMA, transaction control.</summary>
    Other,

    Schema,

    Data,

    /// <summary>Raw SQL that does both in one string.</summary>
    SchemaAndData,

    /// <summary>A helper call, an opaque script, or SQL that is not a compile-time constant.</summary>
    Unknown,
}

public static class OperationEffects
{
    /// <summary>The effect of one operation; raw SQL is classified by its statements (<see cref="SqlClassifier"/>).</summary>
    public static OperationEffect EffectOf(this MigrationOperation operation)
    {
        if (operation.Kind.IsData())
        {
            return OperationEffect.Data;
        }

        if (operation.Kind.IsSchema())
        {
            return OperationEffect.Schema;
        }

        if (operation.Kind != MigrationOperationKind.Sql || operation.SqlText is null)
        {
            return OperationEffect.Unknown;
        }

        var kinds = SqlClassifier.Classify(operation.SqlText);
        var data = (kinds & SqlStatementKinds.Data) != 0;
        var schema = (kinds & SqlStatementKinds.Schema) != 0;
        return data && schema ? OperationEffect.SchemaAndData
            : data ? OperationEffect.Data
            : schema ? OperationEffect.Schema
            : OperationEffect.Other;
    }

    /// <summary>
    /// Raw SQL that only sets how long later statements may wait (<see cref="TimeoutSettingSql"/>), as MIG1193's fix
    /// writes it: it has no inverse to write in Down, and it stays with the statements it was written for.
    /// </summary>
    public static bool OnlySetsTimeouts(this MigrationOperation operation)
        => operation.Kind == MigrationOperationKind.Sql && TimeoutSettingSql.IsOnlyTimeoutSettings(operation.SqlText);

    public static bool ChangesData(this OperationEffect effect) => effect is OperationEffect.Data or OperationEffect.SchemaAndData;

    public static bool ChangesSchema(this OperationEffect effect) => effect is OperationEffect.Schema or OperationEffect.SchemaAndData;
}
