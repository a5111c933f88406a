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
public sealed class MigrationCannotBeRolledBackAnalyzer : MigrationAnalyzer
{
    public MigrationCannotBeRolledBackAnalyzer()
        : base(MIG1001_MigrationCannotBeRolledBack)
    {
    }

    protected override void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var catalog = MigrationCatalog.For(context.Compilation);
        if (!catalog.Symbols.HasAny)
        {
            return;
        }

        context.RegisterSymbolAction(symbolContext => Analyze(symbolContext, catalog), SymbolKind.NamedType);
    }

    private static void Analyze(SymbolAnalysisContext context, MigrationCatalog catalog)
    {
        if (catalog.Get((INamedTypeSymbol)context.Symbol) is not { } migration
            || !migration.Up.HasContent
            || MigrationScope.IsBeforeBaseline(migration, context.Options))
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
                    context.ReportDiagnostic(Diagnostic.Create(MIG1001_MigrationCannotBeRolledBack, migration.Location, migration.Name, "it is a ForwardOnlyMigration"));
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
        var plan = InversePlanner.Plan(migration, catalog);
        if (!plan.IsComplete)
        {
            reason += "; no Down can be generated because " + plan.BlockingReason;
        }

        var properties = ImmutableDictionary<string, string?>.Empty.Add(InversePlan.CanGenerateDownProperty, plan.IsComplete ? "true" : "false");
        var location = migration.Down.IdentifierLocation ?? migration.Location;
        context.ReportDiagnostic(Diagnostic.Create(MIG1001_MigrationCannotBeRolledBack, location, properties, migration.Name, reason));
    }
}
