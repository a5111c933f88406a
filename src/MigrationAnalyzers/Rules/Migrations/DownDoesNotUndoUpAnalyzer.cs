using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Infrastructure;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Reversal;
using static MigrationAnalyzers.Descriptors.Descriptors;

namespace MigrationAnalyzers.Rules.Migrations;

/// <summary>
/// MIG1002: Down exists but does not mirror Up: an Up operation is never reversed (Up adds column Email, Down never
/// drops it), or Down reverses something Up never did. Silent unless both bodies are fully understood.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DownDoesNotUndoUpAnalyzer : MigrationAnalyzer
{
    /// <summary>Diagnostic property: the index in Up's operations of the operation Down never reverses.</summary>
    public const string UpOperationIndexProperty = "UpOperationIndex";

    public DownDoesNotUndoUpAnalyzer()
        : base(MIG1002_DownDoesNotUndoUp)
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
        if (catalog.Get((INamedTypeSymbol)context.Symbol) is not { Style: MigrationStyle.Explicit } migration
            || MigrationScope.IsBeforeBaseline(migration, context.Options)
            || ReversalCheck.Run(migration) is not { } check)
        {
            return;
        }

        foreach (var index in check.UnreversedUpOperations)
        {
            var operation = migration.Up.Operations[index];
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(UpOperationIndexProperty, index.ToString(CultureInfo.InvariantCulture));
            context.ReportDiagnostic(Diagnostic.Create(
                MIG1002_DownDoesNotUndoUp,
                operation.Location,
                properties,
                migration.Name,
                "it never undoes " + InverseWriter.Describe(operation)));
        }

        foreach (var operation in check.UnexplainedDownOperations)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                MIG1002_DownDoesNotUndoUp,
                operation.Location,
                migration.Name,
                InverseWriter.Describe(operation) + " undoes nothing that Up did"));
        }
    }
}
