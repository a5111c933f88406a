using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Infrastructure;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Sql;
using static MigrationAnalyzers.Descriptors.Descriptors;
using OperationKind = MigrationAnalyzers.Model.OperationKind;

namespace MigrationAnalyzers.Rules.Migrations;

/// <summary>
/// MIG1120 (PostgreSQL): a foreign key or check constraint added to an existing table is checked against every row
/// while writes wait (strong_migrations, squawk constraint-missing-not-valid, eugene E1). Raw SQL with NOT VALID is fine.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConstraintValidatedAtOnceAnalyzer : MigrationAnalyzer
{
    private static readonly Dictionary<OperationKind, string> OperationKinds = new Dictionary<OperationKind, string>
    {
        [OperationKind.AddForeignKey] = "Foreign key",
        [OperationKind.AddCheckConstraint] = "Check constraint",
    };

    private static readonly Dictionary<AddedConstraintKind, string> SqlKinds = new Dictionary<AddedConstraintKind, string>
    {
        [AddedConstraintKind.ForeignKey] = "Foreign key",
        [AddedConstraintKind.Check] = "Check constraint",
    };

    public ConstraintValidatedAtOnceAnalyzer()
        : base(MIG1120_ConstraintValidatedAtOnce)
    {
    }

    protected override void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var catalog = MigrationCatalog.For(context.Compilation);
        if (!catalog.Symbols.HasAny)
        {
            return;
        }

        var providers = DatabaseProviders.Detect(context.Compilation);
        context.RegisterSymbolAction(
            symbolContext =>
            {
                if (catalog.Get((INamedTypeSymbol)symbolContext.Symbol) is not { } migration
                    || MigrationScope.IsBeforeBaseline(migration, symbolContext.Options)
                    || !PostgresConstraintChecks.AppliesTo(migration, providers, symbolContext.Options))
                {
                    return;
                }

                foreach (var found in PostgresConstraintChecks.Find(migration, OperationKinds, SqlKinds, constraint => !constraint.NotValid))
                {
                    symbolContext.ReportDiagnostic(Diagnostic.Create(MIG1120_ConstraintValidatedAtOnce, found.Operation.Location, found.Kind, found.Name, found.Table));
                }
            },
            SymbolKind.NamedType);
    }
}
