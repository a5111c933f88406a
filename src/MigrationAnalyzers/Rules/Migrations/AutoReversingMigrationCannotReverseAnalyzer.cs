using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Infrastructure;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Reversal;
using static MigrationAnalyzers.Descriptors.Descriptors;

namespace MigrationAnalyzers.Rules.Migrations;

/// <summary>
/// MIG1003: a FluentMigrator <c>AutoReversingMigration</c> whose Up holds an expression FluentMigrator cannot
/// reverse (<c>Alter.Column</c>, <c>Delete.*</c>, <c>Execute.Sql</c>, <c>Update</c> …). It migrates up fine and fails
/// only on rollback, when it is needed most. Reported once per migration, at the first such expression, with the
/// others as additional locations.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AutoReversingMigrationCannotReverseAnalyzer : MigrationAnalyzer
{
    public AutoReversingMigrationCannotReverseAnalyzer()
        : base(MIG1003_AutoReversingMigrationCannotReverse)
    {
    }

    protected override void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var catalog = MigrationCatalog.For(context.Compilation);
        if (catalog.Symbols.FmAutoReversingMigration is null)
        {
            return;
        }

        context.RegisterSymbolAction(symbolContext => Analyze(symbolContext, catalog), SymbolKind.NamedType);
    }

    private static void Analyze(SymbolAnalysisContext context, MigrationCatalog catalog)
    {
        if (catalog.Get((INamedTypeSymbol)context.Symbol) is not { Style: MigrationStyle.AutoReversing } migration
            || MigrationScope.IsBeforeBaseline(migration, context.Options))
        {
            return;
        }

        var blocking = new List<MigrationOperation>();
        var names = new List<string>();
        foreach (var operation in migration.Up.Operations)
        {
            if (FluentMigratorReversibility.CannotReverse(operation))
            {
                blocking.Add(operation);
                if (!names.Contains(operation.MethodName))
                {
                    names.Add(operation.MethodName);
                }
            }
        }

        if (blocking.Count == 0)
        {
            return;
        }

        var additional = new List<Location>();
        for (var i = 1; i < blocking.Count; i++)
        {
            additional.Add(blocking[i].Location);
        }

        // The fix rewrites the class as a Migration with a written Down; say whether it can.
        var plan = InversePlanner.Plan(migration, catalog);
        var properties = ImmutableDictionary<string, string?>.Empty.Add(InversePlan.CanGenerateDownProperty, plan.IsComplete ? "true" : "false");
        context.ReportDiagnostic(Diagnostic.Create(
            MIG1003_AutoReversingMigrationCannotReverse,
            blocking[0].Location,
            additional,
            properties,
            migration.Name,
            string.Join(", ", names)));
    }
}
