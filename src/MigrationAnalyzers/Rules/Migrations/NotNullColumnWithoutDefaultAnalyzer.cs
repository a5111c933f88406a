using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Databases;
using MigrationAnalyzers.History;
using MigrationAnalyzers.Infrastructure;
using MigrationAnalyzers.Operations;
using MigrationAnalyzers.Reading;
using static MigrationAnalyzers.Descriptors.Descriptors;

namespace MigrationAnalyzers.Rules.Migrations;

/// <summary>
/// MIG1030: a NOT NULL column without a default added to a table that already exists, or a nullable column made
/// NOT NULL with no backfill before it. Tables created and columns added earlier in the same migration have no rows
/// yet and stay silent. Whether the column allowed NULL before, and whether it was backfilled (in this migration or
/// an earlier one), comes from the schema timeline: a scaffolded <c>oldNullable: true</c> is only a hint.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NotNullColumnWithoutDefaultAnalyzer : MigrationRuleAnalyzer
{
    /// <summary>Diagnostic property: "add" for a new column, "alter" for one made NOT NULL (the fixes differ).</summary>
    public const string ChangeProperty = "Change";

    /// <summary>Diagnostic property: the column name (a FluentMigrator chain can add several columns in one statement).</summary>
    public const string ColumnProperty = "Column";

    public NotNullColumnWithoutDefaultAnalyzer()
        : base(MIG1030_NotNullColumnWithoutDefault)
    {
    }

    protected override void AnalyzeMigration(MigrationRuleContext context)
    {
        var migration = context.Migration;
        var catalog = context.Catalog;
        var timeline = new UpTimeline(catalog, migration);
        foreach (var operation in migration.Up.Operations)
        {
            if (operation.Table is not { } table || operation.Name is not { } name || operation.Column is not { } column)
            {
                continue;
            }

            string? change = null;
            string? reason = null;
            if (operation.Kind == MigrationOperationKind.AddColumn
                && NotNullColumn.IsAddedAsNotNull(operation, column)
                && !NotNullColumn.GetsValuesForExistingRows(column)
                && !timeline.IsNewTable(operation))
            {
                change = "add";
                reason = "is added as NOT NULL without a default, so the existing rows have no value for it";
                if (!context.Database.IsKnown)
                {
                    // The three-step fix writes its backfill UPDATE in the target's dialect; without a target it is withheld.
                    reason += "; the three-step fix is not offered: the target database is unknown, so the backfill SQL has no dialect (set migration_analyzers.target_database)";
                }
                else if (context.Database.Provider == DatabaseProvider.Sqlite && migration.Framework == MigrationFramework.FluentMigrator)
                {
                    // The three-step fix ends with Alter.Column, which FluentMigrator's SQLite generator refuses to run.
                    reason += "; the three-step fix is not offered: FluentMigrator cannot alter a column on SQLite, so give the column a default instead";
                }
                else if (FollowingPositions.After(catalog, migration, 2) is null)
                {
                    // The backfill and NOT NULL migrations must run directly after this one.
                    reason += "; the three-step fix is not offered: " + FollowingPositions.NoRoom;
                }
            }
            else if (operation.Kind == MigrationOperationKind.AlterColumn
                     && NotNullColumn.BecomesNotNull(timeline, operation, column)
                     && !timeline.IsNewColumn(operation)
                     && !timeline.IsBackfilledBefore(operation)
                     && DefaultFill(context, operation, column) is { } failure)
            {
                change = "alter";
                reason = failure;
            }

            if (reason is not null)
            {
                var properties = System.Collections.Immutable.ImmutableDictionary<string, string?>.Empty
                    .Add(ChangeProperty, change)
                    .Add(ColumnProperty, name);
                context.Report(
                    MIG1030_NotNullColumnWithoutDefault,
                    operation.Location,
                    properties,
                    TableName.Display(operation.Schema, table),
                    name,
                    reason);
            }
        }
    }

    /// <summary>
    /// Why making the column NOT NULL fails, or null when the provider fills the NULLs itself. EF Core's SQL Server,
    /// Npgsql (7+) and SQLite providers write the <c>defaultValue</c> into NULL rows before the constraint applies; Pomelo
    /// emits a plain <c>MODIFY … NOT NULL</c>, which fails on them. With the database unknown that is a guess: silent.
    /// FluentMigrator never fills them.
    /// </summary>
    private static string? DefaultFill(MigrationRuleContext context, MigrationOperation operation, ColumnDefinition column)
    {
        const string Fails = "becomes NOT NULL with no backfill before it, so the migration fails on the first row that holds NULL; fill the NULLs in an earlier migration (no fix is offered: a default does not fill rows that already hold NULL)";
        if (operation.Framework != MigrationFramework.EntityFrameworkCore
            || (column.GetArgument("defaultValue") is not { IsNull: false } && column.GetArgument("defaultValueSql") is not { IsNull: false }))
        {
            return Fails;
        }

        if (TargetDatabasePolicy.ForOperation(context.Database, operation) is not { IsKnown: true } database
            || database.Behaviour.FillsNullsWhenMadeRequiredWithDefault())
        {
            return null;
        }

        return "becomes NOT NULL with a default but no backfill before it: " + TargetDatabase.DisplayName(database.Provider)
               + " does not write the default into existing NULL rows (a plain MODIFY … NOT NULL), so the migration fails on the first one; update them first";
    }
}
