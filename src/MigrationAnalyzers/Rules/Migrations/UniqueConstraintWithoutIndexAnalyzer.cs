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
/// MIG1130 (PostgreSQL): a unique constraint or primary key added directly to an existing table builds its index under
/// a lock (squawk disallowed-unique-constraint, eugene E7). Raw SQL that adopts an index (USING INDEX) is fine.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UniqueConstraintWithoutIndexAnalyzer : MigrationAnalyzer
{
    private static readonly Dictionary<OperationKind, string> OperationKinds = new Dictionary<OperationKind, string>
    {
        [OperationKind.AddUniqueConstraint] = "Unique constraint",
        [OperationKind.AddPrimaryKey] = "Primary key",
    };

    private static readonly Dictionary<AddedConstraintKind, string> SqlKinds = new Dictionary<AddedConstraintKind, string>
    {
        [AddedConstraintKind.Unique] = "Unique constraint",
        [AddedConstraintKind.PrimaryKey] = "Primary key",
    };

    public UniqueConstraintWithoutIndexAnalyzer()
        : base(MIG1130_UniqueConstraintWithoutIndex)
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

                foreach (var found in PostgresConstraintChecks.Find(migration, OperationKinds, SqlKinds, constraint => !constraint.UsingIndex))
                {
                    symbolContext.ReportDiagnostic(Diagnostic.Create(MIG1130_UniqueConstraintWithoutIndex, found.Operation.Location, found.Kind, found.Name, found.Table));
                }
            },
            SymbolKind.NamedType);
    }
}
