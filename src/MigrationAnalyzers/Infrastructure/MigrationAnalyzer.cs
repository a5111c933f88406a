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
        // but no diagnostic is ever reported inside it: the driver drops them, or the analyzer itself does.
        context.ConfigureGeneratedCodeAnalysis(FiltersGeneratedCodeItself ? GeneratedCodeAnalysisFlags.ReportDiagnostics : GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    /// <summary>
    /// True for an analyzer that reports only through <see cref="ClassAnalysisContext"/>, which drops diagnostics in
    /// generated code itself (<see cref="GeneratedCode"/>): the driver then leaves them to it, and still runs nothing on
    /// generated code. Whatever reports through another context must leave this false.
    /// </summary>
    private protected virtual bool FiltersGeneratedCodeItself => false;

    /// <summary>Resolve what the rule needs from the compilation and register its actions; return early when the APIs it checks are absent.</summary>
    protected abstract void OnCompilationStart(CompilationStartAnalysisContext context);
}
