using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.History;
using MigrationAnalyzers.Infrastructure;
using MigrationAnalyzers.Operations;
using MigrationAnalyzers.Sql;
using static MigrationAnalyzers.Descriptors.Descriptors;

namespace MigrationAnalyzers.Rules.Migrations;

/// <summary>
/// MIG1081: raw SQL in Down that drops a table or column, truncates, or deletes or updates every row, where that table
/// or column existed before the migration's Up ran. Down is the inverse of Up: dropping what Up created is its job,
/// destroying what was there before is data loss on every rollback. The statements are read by
/// <see cref="DestructiveSqlFinder"/> (as MIG1080 reads Up); what existed before comes from the schema timeline,
/// replayed through Up and through Down up to the statement, so a table Down itself recreated first is new too.
/// Silent when the history does not show the table or column (precision first), when Up's own SQL creates the table
/// or adds the column, and for an UPDATE of a column that Up rewrote on every row or changed the type of (Down converts
/// it back) or that the directly preceding migration added (Down undoes its backfill).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DownDestroysOlderDataAnalyzer : MigrationRuleAnalyzer
{
    private static readonly StringComparer Names = StringComparer.OrdinalIgnoreCase;

    public DownDestroysOlderDataAnalyzer()
        : base(MIG1081_DownDestroysOlderData)
    {
    }

    protected override void AnalyzeMigration(MigrationRuleContext context)
    {
        var migration = context.Migration;
        var findings = new Dictionary<MigrationOperation, ImmutableArray<DestructiveStatement>>();
        foreach (var operation in migration.Down.Operations)
        {
            if (operation.Kind == MigrationOperationKind.Sql && (operation.SqlTemplate ?? operation.SqlText) is { } sql
                && DestructiveSqlFinder.Find(sql) is { IsEmpty: false } statements)
            {
                findings[operation] = statements;
            }
        }

        if (findings.Count == 0)
        {
            // Nearly every Down has none: the history is only replayed for those that do.
            return;
        }

        var before = SchemaTimeline.Before(migration, context.Catalog);
        var step = before.Step;
        var state = before.Clone();
        foreach (var operation in migration.Up.Operations)
        {
            state.Apply(operation);
        }

        var up = UpFootprint.Of(migration.Up);
        foreach (var operation in migration.Down.Operations)
        {
            if (findings.TryGetValue(operation, out var statements))
            {
                var problems = new List<string>();
                foreach (var statement in statements)
                {
                    if (DestroysOlderData(statement, before, state, step, up))
                    {
                        problems.Add(statement.Describe());
                    }
                }

                if (problems.Count > 0)
                {
                    context.Report(MIG1081_DownDestroysOlderData, operation.Location, migration.Name, string.Join("; ", problems));
                }
            }

            // Down's own operations shape what the next statement meets (a table it recreates is new, one it renames back is not).
            state.Apply(operation);
        }
    }

    private static bool DestroysOlderData(DestructiveStatement statement, SchemaHistory before, SchemaHistory now, int step, UpFootprint up)
    {
        var schema = statement.Table.Length > statement.TableName.Length ? statement.Table.Substring(0, statement.Table.Length - statement.TableName.Length - 1) : null;
        if (now.FindTableFacts(schema, statement.TableName) is not { } table
            || !ExistedBefore(table, before, step)
            || up.CreatesTable(statement.TableName))
        {
            return false;
        }

        switch (statement.Kind)
        {
            case DestructiveStatementKind.DropColumn:
                return statement.Column is { } dropped && IsOlderColumn(table, dropped, before, step, up);
            case DestructiveStatementKind.UpdateAll:
                // Which columns it overwrites decides; an UPDATE whose SET list could not be read is not judged.
                foreach (var column in statement.AssignedColumns)
                {
                    if (IsOlderColumn(table, column, before, step, up) && !IsBackfillTarget(table, column, step) && !up.Rewrites(table.Name, column))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return true;
        }
    }

    /// <summary>Created by an earlier migration; a table the history only changes must have been known before this one.</summary>
    private static bool ExistedBefore(TableState table, SchemaHistory before, int step)
        => table.CreatedAt >= 0
            ? table.CreatedAt < step
            : before.FindTableFacts(table.Schema, table.Name) is not null;

    /// <summary>
    /// Added by the directly preceding migration: this one is its backfill (the split MIG1080 recommends), and
    /// emptying it again is the backfill's inverse.
    /// </summary>
    private static bool IsBackfillTarget(TableState table, string column, int step)
        => table.FindColumn(column) is { AddedAt: >= 0 } known && known.AddedAt >= step - 1;

    private static bool IsOlderColumn(TableState table, string name, SchemaHistory before, int step, UpFootprint up)
    {
        if (table.FindColumn(name) is not { } column || up.AddsColumn(table.Name, name))
        {
            return false;
        }

        // A column first seen in an alter has no known addition: it counts when the history knew it before this migration.
        return column.AddedAt >= 0
            ? column.AddedAt < step
            : before.FindTableFacts(table.Schema, table.Name)?.FindColumn(name) is not null;
    }

    /// <summary>What Up made or rewrote that the schema timeline does not record: raw SQL's tables and columns, whole-column UPDATEs and AlterColumn.</summary>
    private sealed class UpFootprint
    {
        private readonly List<string> _createdTables = new List<string>();
        private readonly List<(string Table, string Column)> _addedColumns = new List<(string, string)>();
        private readonly List<(string Table, string Column)> _rewrittenColumns = new List<(string, string)>();

        public static UpFootprint Of(MigrationBody up)
        {
            var footprint = new UpFootprint();
            foreach (var operation in up.Operations)
            {
                switch (operation.Kind)
                {
                    case MigrationOperationKind.Sql when (operation.SqlTemplate ?? operation.SqlText) is { } sql:
                        var read = SqlFootprint.Of(sql);
                        footprint._createdTables.AddRange(read.CreatedTables);
                        footprint._addedColumns.AddRange(read.AddedColumns);
                        foreach (var statement in DestructiveSqlFinder.Find(sql))
                        {
                            // Only an UPDATE of every row: after one with WHERE, resetting every row also resets the others.
                            if (statement.Kind == DestructiveStatementKind.UpdateAll)
                            {
                                foreach (var column in statement.AssignedColumns)
                                {
                                    footprint._rewrittenColumns.Add((statement.Table, column));
                                }
                            }
                        }

                        break;
                    case MigrationOperationKind.AlterColumn when operation.Table is { } table && operation.Name is { } column:
                        footprint._rewrittenColumns.Add((table, column));
                        break;
                }
            }

            return footprint;
        }

        public bool CreatesTable(string table) => _createdTables.Exists(created => SameTable(created, table));

        public bool AddsColumn(string table, string column)
            => _addedColumns.Exists(added => SameTable(added.Table, table) && Names.Equals(added.Column, column));

        /// <summary>Up set the column on every row or changed its type: Down setting it back is the inverse, not data loss.</summary>
        public bool Rewrites(string table, string column)
            => _rewrittenColumns.Exists(rewritten => SameTable(rewritten.Table, table) && Names.Equals(rewritten.Column, column));

        /// <summary>SQL may qualify a name the operations leave bare (<c>public."Orders"</c>): the table's own name decides.</summary>
        private static bool SameTable(string written, string table)
            => Names.Equals(written.Substring(written.LastIndexOf('.') + 1), table);
    }
}
