using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MigrationAnalyzers.Infrastructure;

/// <summary>
/// Base of every analyzer in the package: concurrent, silent in generated code, and started per compilation,
/// so that symbols are resolved once and analyzers with nothing to look at cost nothing.
/// </summary>
public abstract class MigrationAnalyzer : DiagnosticAnalyzer
{
    protected MigrationAnalyzer(params DiagnosticDescriptor[] descriptors)
    {
        SupportedDiagnostics = ImmutableArray.Create(descriptors);
    }

    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        // Generated code (EF Core Designer files among it) is read through symbols where a rule needs it,
        // but no diagnostic is ever reported inside it.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    /// <summary>Resolve what the rule needs from the compilation and register its actions; return early when the APIs it checks are absent.</summary>
    protected abstract void OnCompilationStart(CompilationStartAnalysisContext context);
}
