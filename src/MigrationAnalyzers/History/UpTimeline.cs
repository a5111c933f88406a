using System.Collections.Generic;
using MigrationAnalyzers.Operations;
using MigrationAnalyzers.Reading;

namespace MigrationAnalyzers.History;

/// <summary>
/// The schema timeline as one migration's Up sees it: what the earlier migrations of its history and the operations
/// before a given one made of each table and column. This is where rules ask whether a table or column already
/// exists, what it was before an operation (type, nullability), whether it was backfilled, and since when a Designer
/// model stopped mapping it. An operation's own <c>old…</c> arguments are only a hint, used when the history does not know.
/// <para>
/// Nothing is replayed until the first question, and then once: questions asked in operation order apply each
/// operation of Up once. Tables the history does not know (created before its first migration, or by SQL it cannot
/// read) fall back to what the migration itself shows.
/// </para>
/// </summary>
internal sealed class UpTimeline
{
    private readonly MigrationCatalog _catalog;
    private readonly MigrationInfo _migration;
    private readonly IReadOnlyList<MigrationOperation> _operations;
    private SchemaHistory? _schema;

    /// <summary>How many operations of Up <see cref="_schema"/> has applied.</summary>
    private int _applied;

    public UpTimeline(MigrationCatalog catalog, MigrationInfo migration)
    {
        _catalog = catalog;
        _migration = migration;
        _operations = migration.Up.Operations;
    }

    /// <summary>The table as it was just before <paramref name="operation"/> (a null schema matches any); null when the history does not know it.</summary>
    public TableState? TableBefore(MigrationOperation operation, string? schema, string? table)
        => table is null ? null : StateBefore(operation)?.FindTableFacts(schema, table);

    public TableState? TableBefore(MigrationOperation operation) => TableBefore(operation, operation.Schema, operation.Table);

    /// <summary>The column as it was just before <paramref name="operation"/>; null when the history does not know it.</summary>
    public ColumnState? ColumnBefore(MigrationOperation operation, string? schema, string? table, string? column)
        => column is null ? null : TableBefore(operation, schema, table)?.FindColumn(column);

    public ColumnState? ColumnBefore(MigrationOperation operation) => ColumnBefore(operation, operation.Schema, operation.Table, operation.Name);

    // "New in this migration" is the part of the timeline that Up itself holds (CreateTable, AddColumn and the renames
    // after them, which SameMigration follows): answered without replaying the earlier migrations, because rules ask
    // it for nearly every operation.

    /// <summary>The table was created earlier in this migration: it has no rows and no running code knows it yet.</summary>
    public bool IsNewTable(MigrationOperation operation)
        => SameMigration.CreatesTableBefore(_migration.Up, operation);

    /// <summary>Table <paramref name="table"/> (a name read from elsewhere, such as SQL; a null schema matches any) was created earlier in this migration.</summary>
    public bool IsNewTable(MigrationOperation operation, string? schema, string? table)
        => table is not null && SameMigration.CreatesTableBefore(_migration.Up, operation, schema, table);

    /// <summary>The column was added (or its table created) earlier in this migration.</summary>
    public bool IsNewColumn(MigrationOperation operation)
        => SameMigration.AddsColumnBefore(_migration.Up, operation);

    /// <summary>Column <paramref name="column"/> of <paramref name="table"/> (names read from elsewhere, such as SQL) was added earlier in this migration.</summary>
    public bool IsNewColumn(MigrationOperation operation, string? schema, string? table, string? column)
        => table is not null && column is not null && SameMigration.AddsColumnBefore(_migration.Up, operation, schema, table, column);

    /// <summary>
    /// The column was added by this migration or by one of the <paramref name="migrationsBack"/> migrations just
    /// before it (a table created there brings its columns).
    /// </summary>
    public bool IsAddedWithin(MigrationOperation operation, string? schema, string? table, string? column, int migrationsBack)
    {
        if (IsNewColumn(operation, schema, table, column))
        {
            return true;
        }

        return ColumnBefore(operation, schema, table, column) is { AddedAt: >= 0 } known
               && StateBefore(operation) is { } state
               && known.AddedAt >= state.Step - migrationsBack;
    }

    /// <summary>
    /// Whether the column allowed NULL just before <paramref name="operation"/>: from the replayed history, else from
    /// the previous migration's Designer model (<c>BuildTargetModel</c>); null when neither knows.
    /// </summary>
    public bool? WasNullable(MigrationOperation operation)
    {
        if (ColumnBefore(operation) is { } column)
        {
            return column.IsNullable;
        }

        if (operation.Table is not { } table || operation.Name is not { } name || _migration.Framework != MigrationFramework.EntityFrameworkCore)
        {
            return null;
        }

        // The Designer of the migration just before describes the schema this one starts from. Only that one is read:
        // walking further back for every column would make the question cost the length of the history.
        foreach (var previous in _catalog.EarlierNewestFirst(_migration))
        {
            return TargetModel.Of(previous)?.FindTable(operation.Schema, table)?.IsNullable(name);
        }

        return null;
    }

    /// <summary>
    /// The column's NULLs were filled before <paramref name="operation"/>: earlier in this migration (raw SQL that may
    /// update it, UpdateData, code the analyzers cannot read), or in an earlier migration since the column was added
    /// (the recommended split: add nullable, backfill, then make NOT NULL).
    /// </summary>
    public bool IsBackfilledBefore(MigrationOperation operation)
    {
        if (Backfill.Before(_migration.Up, operation))
        {
            return true;
        }

        if (ColumnBefore(operation) is not { } column || StateBefore(operation) is not { } state)
        {
            return false;
        }

        return column.BackfilledAt >= 0 || (state.UnknownUpdateStep >= 0 && state.UnknownUpdateStep >= column.AddedAt);
    }

    /// <summary>
    /// Just before <paramref name="operation"/>, the column has a validated check constraint whose whole expression is
    /// <c>column IS NOT NULL</c> (added without NOT VALID, or validated since, and not dropped): PostgreSQL 12+ then
    /// makes it NOT NULL without scanning the table.
    /// </summary>
    public bool HasValidatedNotNullCheckBefore(MigrationOperation operation)
    {
        if (operation.Name is not { } column || TableBefore(operation) is not { } table)
        {
            return false;
        }

        foreach (var check in table.NotNullChecks)
        {
            if (check.IsValidated && string.Equals(check.Column, column, System.StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// What the Designer models (<c>BuildTargetModel</c>) of the earlier migrations say about a table or column, newest
    /// first: the deprecation starts with the oldest model of the unbroken run, just before this migration, that no
    /// longer maps it. Only models from after the table or column was created (or renamed to its name) count: an
    /// older model does not map it because it did not exist yet, which is no deprecation. The walk stops at the first
    /// model that maps it, or at its creation.
    /// </summary>
    public DesignerMapping DesignerMappingBefore(MigrationOperation operation, string? schema, string table, string? column)
    {
        var existsSince = NamedSince(operation, schema, table, column);
        MigrationInfo? since = null;
        MigrationInfo? lastModel = null;
        var reachedCreation = ReferenceEquals(existsSince, _migration);
        foreach (var earlier in _catalog.EarlierNewestFirst(_migration))
        {
            if (reachedCreation)
            {
                break;
            }

            reachedCreation = ReferenceEquals(earlier, existsSince);
            if (TargetModel.Of(earlier) is not { } model)
            {
                continue;
            }

            var mapped = column is null ? model.MapsTable(schema, table) : model.MapsColumn(schema, table, column);
            if (mapped)
            {
                // Still mapped by the newest model: no deprecation at all.
                lastModel = since is null ? earlier : null;
                break;
            }

            since = earlier;
        }

        return new DesignerMapping(since, lastModel, existsSince is not null);
    }

    /// <summary>The migration since which the table (or its column) has existed under its current name; null when the history does not show it.</summary>
    private MigrationInfo? NamedSince(MigrationOperation operation, string? schema, string table, string? column)
    {
        if (TableBefore(operation, schema, table) is not { } known || StateBefore(operation) is not { } state)
        {
            return null;
        }

        if (column is not null && known.FindColumn(column) is { } knownColumn && knownColumn.NamedAt > known.NamedAt && state.MigrationAt(knownColumn.NamedAt) is { } columnSince)
        {
            return columnSince;
        }

        return state.MigrationAt(known.NamedAt);
    }

    /// <summary>The schema before <paramref name="operation"/> (at any point of Up when null); null when the operation is not in Up.</summary>
    private SchemaHistory? StateBefore(MigrationOperation? operation)
    {
        if (_schema is null)
        {
            _schema = SchemaTimeline.Before(_migration, _catalog);
            _applied = 0;
        }

        if (operation is null)
        {
            return _schema;
        }

        var index = IndexOf(operation, _applied);
        if (index < 0)
        {
            index = IndexOf(operation, 0);
            if (index < 0)
            {
                return null;
            }

            // Asked out of order: start again from the schema before the migration.
            _schema = SchemaTimeline.Before(_migration, _catalog);
            _applied = 0;
        }

        for (; _applied < index; _applied++)
        {
            _schema.Apply(_operations[_applied]);
        }

        return _schema;
    }

    private int IndexOf(MigrationOperation operation, int from)
    {
        for (var i = from; i < _operations.Count; i++)
        {
            if (ReferenceEquals(_operations[i], operation))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>What the Designer models before a migration say about a table or column.</summary>
internal readonly struct DesignerMapping
{
    public DesignerMapping(MigrationInfo? unmappedSince, MigrationInfo? lastModel, bool creationKnown)
    {
        UnmappedSince = unmappedSince;
        LastModel = lastModel;
        CreationKnown = creationKnown;
    }

    /// <summary>The oldest migration of the unbroken run of models, just before, that no longer map it; null when none.</summary>
    public MigrationInfo? UnmappedSince { get; }

    /// <summary>The newest earlier migration with a model, when that model still maps it; null otherwise.</summary>
    public MigrationInfo? LastModel { get; }

    /// <summary>The history shows when it was created (or renamed to its name), so older models were not read.</summary>
    public bool CreationKnown { get; }
}
