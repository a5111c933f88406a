using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Caching;
using MigrationAnalyzers.Databases;
using MigrationAnalyzers.History;
using MigrationAnalyzers.Infrastructure;
using MigrationAnalyzers.Operations;
using MigrationAnalyzers.Reading;
using static MigrationAnalyzers.Descriptors.Descriptors;

namespace MigrationAnalyzers.Rules.Migrations;

/// <summary>
/// MIG1050: an <c>AlterColumn</c> that narrows a column or rewrites the table, judged for the target database
/// (<see cref="TargetDatabase"/>) against its list of in-place changes (<see cref="TypeChangeSafety"/>).
/// EF Core states the old column in the call (<c>oldType</c>, <c>oldMaxLength</c>, <c>oldNullable</c> …);
/// for FluentMigrator the old column comes from the schema timeline (<see cref="UpTimeline"/>), and without one the rule is silent.
/// Making a column NOT NULL without a backfill is MIG1030's; here it is reported when the rows were backfilled
/// but the constraint still scans the table under a lock.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RiskyColumnTypeChangeAnalyzer : MigrationRuleAnalyzer
{
    /// <summary>Diagnostic property: which change is reported, when the fix depends on it (absent otherwise).</summary>
    public const string CaseProperty = "Case";

    /// <summary>
    /// <see cref="CaseProperty"/>: only the NOT NULL change after a backfill is reported (no type change), on PostgreSQL
    /// 12 or later (or no version set), where a validated <c>CHECK (col IS NOT NULL)</c> lets SET NOT NULL skip its scan.
    /// </summary>
    public const string NotNullWithCheckCase = "NotNullWithCheck";

    public RiskyColumnTypeChangeAnalyzer()
        : base(MIG1050_RiskyColumnTypeChange)
    {
    }

    protected override void AnalyzeMigration(MigrationRuleContext context)
    {
        var migration = context.Migration;
        var catalog = context.Catalog;
        var target = context.Database;
        // The rewrite's lock only matters where others wait for it, and only a known database says whether it rewrites.
        var rewritesMatter = context.IsRollingDeployment && target.IsKnown;
        var timeline = new UpTimeline(catalog, migration);
        foreach (var operation in migration.Up.Operations)
        {
            if (operation.Kind != MigrationOperationKind.AlterColumn
                || operation.Table is not { } table
                || operation.Name is not { } name
                || operation.Column is not { } column
                || timeline.IsNewColumn(operation)
                || TargetDatabasePolicy.ForOperation(target, operation) is not { } database)
            {
                continue;
            }

            var reason = TypeReason(migration, timeline, operation, column, database, rewritesMatter);
            var notNull = rewritesMatter ? NotNullReason(timeline, operation, column, database) : default;
            var message = reason is null ? notNull.Message : notNull.Message is null ? reason : reason + "; " + notNull.Message;
            if (message is not null)
            {
                var properties = reason is null && notNull.TakesValidatedCheck
                    ? ImmutableDictionary<string, string?>.Empty.Add(CaseProperty, NotNullWithCheckCase)
                    : null;
                context.Report(MIG1050_RiskyColumnTypeChange, operation.Location, properties, TableName.Display(operation.Schema, table), name, message);
            }
        }
    }

    /// <summary>
    /// What <see cref="NotNullWithCheckCase"/> says of <paramref name="operation"/>, for a fix that rewrites every such
    /// change of a migration at once: an AlterColumn of Up reported here only for its NOT NULL change, which a validated
    /// check can make instant. Asked for a migration whose deployment already made the rule report the NOT NULL case.
    /// </summary>
    internal static bool IsNotNullWithCheckCase(MigrationInfo migration, UpTimeline timeline, MigrationOperation operation, TargetDatabase target)
        => operation is { Kind: MigrationOperationKind.AlterColumn, Table: not null, Name: not null, Column: { } column }
           && target.IsKnown
           && !timeline.IsNewColumn(operation)
           && TargetDatabasePolicy.ForOperation(target, operation) is { } database
           && TypeReason(migration, timeline, operation, column, database, rewritesMatter: true) is null
           && NotNullReason(timeline, operation, column, database).TakesValidatedCheck;

    private static string? TypeReason(MigrationInfo migration, UpTimeline timeline, MigrationOperation operation, ColumnDefinition column, TargetDatabase database, bool rewritesMatter)
    {
        if (ColumnType.Of(column) is not { } newType)
        {
            return null;
        }

        var stated = operation.Framework == MigrationFramework.EntityFrameworkCore ? ColumnType.OldOf(column) : null;
        if (stated is not null && IsResizedDiscriminator(migration, operation, stated, newType))
        {
            return null;
        }

        var reason = stated is null ? null : TypeChangeSafety.Check(stated, newType, database, rewritesMatter);
        if (stated is not null && reason is null)
        {
            return null;
        }

        // EF Core's oldType is scaffolded from the model snapshot and can be stale after a merge: when the history knows
        // what the column really was and that change is safe, the stale hint does not count.
        var previous = timeline.ColumnBefore(operation) is { } known ? ColumnType.Of(known.Definition) : null;
        if (previous is null)
        {
            return reason;
        }

        return TypeChangeSafety.Check(previous, newType, database, rewritesMatter) is { } fromHistory ? reason ?? fromHistory : null;
    }

    /// <summary>
    /// EF Core sizes a string discriminator column to its longest discriminator value, so a new maxLength follows the
    /// values the application writes and cannot cut one off. Recognised by EF Core's default name <c>Discriminator</c>
    /// or a <c>HasDiscriminator("Column")</c> mapping in the Designer's target model.
    /// </summary>
    private static bool IsResizedDiscriminator(MigrationInfo migration, MigrationOperation operation, ColumnType oldType, ColumnType newType)
    {
        if (oldType.Family != TypeFamily.Text || newType.Family != TypeFamily.Text || operation.Name is not { } name)
        {
            return false;
        }

        if (string.Equals(name, "Discriminator", System.StringComparison.Ordinal))
        {
            return true;
        }

        // Most models map no discriminator of their own: the Designer's text says so before its nodes are walked.
        if (migration.TargetModelDeclaration is not { } targetModel || !TextSearch.Contains(targetModel.SyntaxTree.GetText(), "HasDiscriminator"))
        {
            return false;
        }

        foreach (var invocation in targetModel.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            var called = invocation.Expression switch
            {
                MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                _ => null,
            };
            if (called == "HasDiscriminator"
                && invocation.ArgumentList.Arguments.Count > 0
                && invocation.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax literal
                && string.Equals(literal.Token.ValueText, name, System.StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Why the NOT NULL change is reported (null: it is not), and whether the validated-check recipe is the advice.</summary>
    private static (string? Message, bool TakesValidatedCheck) NotNullReason(UpTimeline timeline, MigrationOperation operation, ColumnDefinition column, TargetDatabase database)
    {
        // Without a backfill (in this migration or an earlier one) MIG1030 reports it: the change fails outright, the lock is the smaller problem.
        // Only PostgreSQL and SQL Server scan under a lock that blocks writes; MySQL rebuilds online, SQLite has no other writers.
        var cost = database.Behaviour.MakeRequired;
        if (cost is not (RequiredChangeCost.ScanUnderExclusiveLock or RequiredChangeCost.ScanUnderSchemaLock)
            || !NotNullColumn.BecomesNotNull(timeline, operation, column)
            || !timeline.IsBackfilledBefore(operation))
        {
            return default;
        }

        // The recipe this rule recommends: with a validated CHECK (col IS NOT NULL), PostgreSQL 12+ skips the scan, but
        // only for SET NOT NULL alone. FluentMigrator's Alter.Column always restates the type (ALTER … TYPE …, ALTER …
        // SET NOT NULL in one statement), and the TYPE clause verifies the column's check constraints again: a scan
        // under the same lock. There only raw SQL (Execute.Sql), which is no AlterColumn and not reported, skips it.
        var fluentMigrator = operation.Framework == MigrationFramework.FluentMigrator;
        if (cost == RequiredChangeCost.ScanUnderExclusiveLock
            && database.Behaviour.SetNotNullUsesValidatedCheck(database.Version)
            && timeline.HasValidatedNotNullCheckBefore(operation))
        {
            return fluentMigrator
                ? ("Alter.Column restates the type (ALTER … TYPE …, ALTER … SET NOT NULL in one statement), and PostgreSQL verifies the validated CHECK (\"" + operation.Name + "\" IS NOT NULL) again for the TYPE clause: the whole table is scanned under an ACCESS EXCLUSIVE lock all the same; run ALTER TABLE … ALTER COLUMN \"" + operation.Name + "\" SET NOT NULL alone with Execute.Sql instead", false)
                : default;
        }

        return cost switch
        {
            RequiredChangeCost.ScanUnderExclusiveLock when database.Behaviour.SetNotNullUsesValidatedCheck(database.Version) => (
                "SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock; add CHECK (\"" + operation.Name + "\" IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT in a separate migration, then SET NOT NULL"
                + (fluentMigrator ? " with Execute.Sql (Alter.Column restates the type, and its TYPE clause verifies the check again with a scan)" : " (which uses the check instead of scanning)")
                + ", and drop the check in a later statement (dropped in the same ALTER TABLE, the scan comes back)", true),
            RequiredChangeCost.ScanUnderExclusiveLock => (
                "SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock, and before PostgreSQL 12 it cannot use a validated CHECK; keep a CHECK (\"" + operation.Name + "\" IS NOT NULL) constraint added NOT VALID and validated separately instead", false),
            _ => ("SQL Server checks every row for NULL while holding a schema-modification lock that blocks reads and writes", false),
        };
    }
}
