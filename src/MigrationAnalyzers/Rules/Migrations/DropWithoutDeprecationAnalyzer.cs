using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.History;
using MigrationAnalyzers.Infrastructure;
using MigrationAnalyzers.Operations;
using MigrationAnalyzers.Reading;
using MigrationAnalyzers.Settings;
using static MigrationAnalyzers.Descriptors.Descriptors;

namespace MigrationAnalyzers.Rules.Migrations;

/// <summary>
/// MIG1010: a column or table dropped before its deprecation is on record and old enough.
/// EF Core: the record is the target model of earlier migrations (their Designer <c>BuildTargetModel</c>): the drop
/// passes when an earlier migration's model stopped mapping it, none after it maps it again, and that migration is at
/// least the configured number of days older than the drop. Only models from after the table or column was created
/// (or renamed to its name), as the schema timeline shows, count: an older model does not map it because it did not exist yet. FluentMigrator: an earlier migration carries
/// <c>[Deprecates("Table", "Column")]</c> (<see cref="DeprecationRecord"/>); the days are counted when versions are dates.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DropWithoutDeprecationAnalyzer : MigrationRuleAnalyzer<Lazy<ImmutableArray<DeprecationRecord>>>
{
    public const int DefaultPeriodDays = 14;

    /// <summary>Diagnostic property: "column" or "table" (the fix's title says which it keeps).</summary>
    public const string WhatProperty = "What";

    public DropWithoutDeprecationAnalyzer()
        : base(MIG1010_DropWithoutDeprecation)
    {
    }

    /// <summary>Every [Deprecates] record of the compilation, read once and only when a FluentMigrator drop needs it.</summary>
    protected override Lazy<ImmutableArray<DeprecationRecord>> ResolveOnce(Compilation compilation, MigrationCatalog catalog)
        => new Lazy<ImmutableArray<DeprecationRecord>>(
            () => catalog.All.Where(m => m.Framework == MigrationFramework.FluentMigrator).SelectMany(DeprecationRecord.On).ToImmutableArray(),
            LazyThreadSafetyMode.ExecutionAndPublication);

    protected override void AnalyzeMigration(MigrationRuleContext context, Lazy<ImmutableArray<DeprecationRecord>> records)
    {
        // Only a rolling deployment runs the old version, which still reads what is dropped, against the new schema.
        if (!context.IsRollingDeployment)
        {
            return;
        }

        var migration = context.Migration;
        var catalog = context.Catalog;
        var period = -1;
        var timeline = new UpTimeline(catalog, migration);
        foreach (var operation in migration.Up.Operations)
        {
            if (operation.Kind is not (MigrationOperationKind.DropColumn or MigrationOperationKind.DropTable) || operation.Table is not { } table)
            {
                continue;
            }

            var column = operation.Kind == MigrationOperationKind.DropColumn ? operation.Name : null;
            if ((operation.Kind == MigrationOperationKind.DropColumn && (column is null || timeline.IsNewColumn(operation)))
                || timeline.IsNewTable(operation))
            {
                continue;
            }

            if (period < 0)
            {
                period = new SettingReader(context.Options, operation.Syntax.SyntaxTree).GetNonNegativeInt(SettingKeys.DeprecationPeriodDays, DefaultPeriodDays);
            }

            string? reason;
            if (migration.Framework == MigrationFramework.EntityFrameworkCore)
            {
                reason = EfCoreReason(migration, timeline.DesignerMappingBefore(operation, operation.Schema, table, column), period);
            }
            else
            {
                reason = FluentMigratorReason(migration, records.Value, operation.Schema, table, column, period);
            }

            if (reason is not null)
            {
                var what = column is null ? "table" : "column";
                var display = TableName.Display(operation.Schema, table) + (column is null ? string.Empty : "." + column);
                context.Report(
                    MIG1010_DropWithoutDeprecation,
                    operation.Location,
                    ImmutableDictionary<string, string?>.Empty.Add(WhatProperty, what),
                    display,
                    reason);
            }
        }
    }

    private static string? EfCoreReason(MigrationInfo drop, DesignerMapping mapping, int period)
    {
        if (mapping.UnmappedSince is not { } since)
        {
            return mapping.LastModel is { } previous
                ? $"it is still mapped by the model of the previous migration '{previous}'"
                : mapping.CreationKnown
                    ? "no target model (Designer file) since it was created shows it is no longer mapped"
                    : "no earlier migration has a target model (Designer file) that shows it is no longer mapped";
        }

        return TooRecent(since, drop, period);
    }

    private static string? FluentMigratorReason(MigrationInfo drop, ImmutableArray<DeprecationRecord> records, string? schema, string table, string? column, int period)
    {
        DeprecationRecord? oldest = null;
        foreach (var record in records)
        {
            if (record.Migration.SharesHistoryWith(drop)
                && record.Migration.Position is { } position
                && drop.Position is { } dropPosition
                && position < dropPosition
                && record.Covers(schema, table, column)
                && (oldest is null || position < oldest.Migration.Position))
            {
                oldest = record;
            }
        }

        if (oldest is null)
        {
            var attribute = column is null ? $"[Deprecates(\"{table}\")]" : $"[Deprecates(\"{table}\", \"{column}\")]";
            return $"no earlier migration declares {attribute}";
        }

        return TooRecent(oldest.Migration, drop, period);
    }

    /// <summary>Null when the period has passed (or cannot be counted because versions are not dates).</summary>
    private static string? TooRecent(MigrationInfo since, MigrationInfo drop, int period)
    {
        if (MigrationTime.DaysBetween(since, drop) is not { } days || days >= period)
        {
            return null;
        }

        return string.Format(CultureInfo.InvariantCulture, "it was deprecated {0} {1} before this drop (by '{2}'); the period is {3} days", days, days == 1 ? "day" : "days", since, period);
    }
}
