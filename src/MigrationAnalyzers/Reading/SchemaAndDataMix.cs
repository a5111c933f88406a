using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using MigrationAnalyzers.Operations;

namespace MigrationAnalyzers.Reading;

/// <summary>
/// Which operations of a migration change the schema and which change rows, with the seed-data exemption:
/// EF Core writes <c>HasData</c> rows as InsertData right after the CreateTable of a new table, and those rows belong
/// with the table (nothing can read the table before it exists). Shared by MIG1020 and its split fix, so both
/// agree on what moves.
/// </summary>
public sealed class SchemaAndDataMix
{
    private SchemaAndDataMix(
        ImmutableArray<MigrationOperation> schemaOperations,
        ImmutableArray<MigrationOperation> dataOperations,
        ImmutableArray<string> newTables)
    {
        SchemaOperations = schemaOperations;
        DataOperations = dataOperations;
        NewTables = newTables;
    }

    /// <summary>Operations of Up that change the schema (SQL that does both is in both lists).</summary>
    public ImmutableArray<MigrationOperation> SchemaOperations { get; }

    /// <summary>Operations of Up that change rows and do not belong with a new table's creation: the ones to move.</summary>
    public ImmutableArray<MigrationOperation> DataOperations { get; }

    /// <summary>Tables created by Up (<c>schema.table</c> or <c>table</c>).</summary>
    public ImmutableArray<string> NewTables { get; }

    public bool IsMixed => !SchemaOperations.IsEmpty && !DataOperations.IsEmpty;

    /// <summary>Reads Up; <paramref name="seedDataMoves"/> counts InsertData into tables created earlier in the same Up as data.</summary>
    public static SchemaAndDataMix Read(MigrationInfo migration, bool seedDataMoves)
    {
        var schema = ImmutableArray.CreateBuilder<MigrationOperation>();
        var data = ImmutableArray.CreateBuilder<MigrationOperation>();
        var created = new List<MigrationOperation>();
        foreach (var operation in migration.Up.Operations)
        {
            var effect = operation.EffectOf();
            if (effect.ChangesSchema())
            {
                schema.Add(operation);
            }

            // Pomelo's generated NULL backfill is part of the NOT NULL change that follows it, not a data change.
            if (effect.ChangesData() && (seedDataMoves || !IsSeedForNewTable(operation, created)) && !GeneratedBackfill.Is(migration.Up, operation))
            {
                data.Add(operation);
            }

            if (operation.Kind == MigrationOperationKind.CreateTable && operation.Table is not null)
            {
                created.Add(operation);
            }
        }

        var names = ImmutableArray.CreateBuilder<string>(created.Count);
        foreach (var table in created)
        {
            names.Add(table.Schema is null ? table.Table! : table.Schema + "." + table.Table);
        }

        return new SchemaAndDataMix(schema.ToImmutable(), data.ToImmutable(), names.ToImmutable());
    }

    /// <summary>A data operation of Up or Down that belongs with a table this migration creates (its seed rows).</summary>
    public bool TouchesNewTable(MigrationOperation operation)
    {
        if (operation.Table is null)
        {
            return false;
        }

        foreach (var name in NewTables)
        {
            var dot = name.IndexOf('.');
            var table = dot < 0 ? name : name.Substring(dot + 1);
            var schema = dot < 0 ? null : name.Substring(0, dot);
            if (SameTable(operation.Table, operation.Schema, table, schema))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>InsertData (EF Core HasData, FluentMigrator Insert.IntoTable) into a table created earlier in the same Up.</summary>
    private static bool IsSeedForNewTable(MigrationOperation operation, List<MigrationOperation> created)
    {
        if (operation.Kind != MigrationOperationKind.InsertData || operation.Table is null)
        {
            return false;
        }

        foreach (var table in created)
        {
            if (SameTable(operation.Table, operation.Schema, table.Table!, table.Schema))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Table names compare as most databases do, ignoring case; a schema given on one side only still matches.</summary>
    public static bool SameTable(string table, string? schema, string otherTable, string? otherSchema)
        => string.Equals(table, otherTable, StringComparison.OrdinalIgnoreCase)
           && (schema is null || otherSchema is null || string.Equals(schema, otherSchema, StringComparison.OrdinalIgnoreCase));
}
