using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Infrastructure;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Reversal;
using MigrationAnalyzers.Settings;
using static MigrationAnalyzers.Descriptors.Descriptors;

namespace MigrationAnalyzers.Rules.Migrations;

/// <summary>
/// MIG1001: Up changes the database but Down is missing, empty or only throws.
/// FluentMigrator's ForwardOnlyMigration says so on purpose and is reported only when the option asks for it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MigrationCannotBeRolledBackAnalyzer : MigrationRuleAnalyzer
{
    public MigrationCannotBeRolledBackAnalyzer()
        : base(MIG1001_MigrationCannotBeRolledBack)
    {
    }

    protected override void AnalyzeMigration(MigrationRuleContext context)
    {
        var migration = context.Migration;
        if (!migration.Up.HasContent)
        {
            return;
        }

        switch (migration.Style)
        {
            case MigrationStyle.AutoReversing:
                return;
            case MigrationStyle.ForwardOnly:
                if (new SettingReader(context.Options, migration.Location.SourceTree).GetBool(SettingKeys.ReportForwardOnly, defaultValue: false))
                {
                    context.Report(MIG1001_MigrationCannotBeRolledBack, migration.Location, migration.Name, "it is a ForwardOnlyMigration");
                }

                return;
        }

        if (!migration.Down.CannotUndo)
        {
            return;
        }

        var reason = !migration.Down.IsDeclared ? "Down is missing"
            : migration.Down.Throws ? "Down only throws"
            : "Down is empty";

        // Say up front whether the fix can write Down, and if not, which operation stops it.
        var plan = InversePlanner.Plan(migration, context.Catalog);
        if (!plan.IsComplete)
        {
            reason += "; no Down can be generated because " + plan.BlockingReason;
        }

        var properties = ImmutableDictionary<string, string?>.Empty.Add(InversePlan.CanGenerateDownProperty, plan.IsComplete ? "true" : "false");
        var location = migration.Down.IdentifierLocation ?? migration.Location;
        context.Report(MIG1001_MigrationCannotBeRolledBack, location, properties, migration.Name, reason);
    }
}
