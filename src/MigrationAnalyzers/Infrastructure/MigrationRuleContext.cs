using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.Infrastructure;

/// <summary>One migration handed to a <see cref="MigrationRuleAnalyzer{TCompilationFacts}"/>, with what it needs to report.</summary>
public sealed class MigrationRuleContext
{
    public MigrationRuleContext(SymbolAnalysisContext symbolContext, MigrationInfo migration, MigrationCatalog catalog)
    {
        SymbolContext = symbolContext;
        Migration = migration;
        Catalog = catalog;
    }

    public SymbolAnalysisContext SymbolContext { get; }

    public MigrationInfo Migration { get; }

    public MigrationCatalog Catalog { get; }

    public Compilation Compilation => SymbolContext.Compilation;

    public AnalyzerOptions Options => SymbolContext.Options;

    public void Report(DiagnosticDescriptor descriptor, Location location, params object?[] messageArgs)
        => SymbolContext.ReportDiagnostic(Diagnostic.Create(descriptor, location, messageArgs));

    public void Report(DiagnosticDescriptor descriptor, Location location, ImmutableDictionary<string, string?>? properties, params object?[] messageArgs)
        => SymbolContext.ReportDiagnostic(Diagnostic.Create(descriptor, location, properties, messageArgs));

    public void Report(Diagnostic diagnostic) => SymbolContext.ReportDiagnostic(diagnostic);
}
