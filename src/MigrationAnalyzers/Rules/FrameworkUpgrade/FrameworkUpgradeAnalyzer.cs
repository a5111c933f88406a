using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Infrastructure;
using MigrationAnalyzers.Settings;

namespace MigrationAnalyzers.Rules.FrameworkUpgrade;

/// <summary>
/// Base of the framework-upgrade rules (MIG3xxx): resolves once per compilation which framework the code is moving to,
/// so that every rule reports only where its breaking change applies (<see cref="UpgradeTargetResolver"/>).
/// </summary>
public abstract class FrameworkUpgradeAnalyzer : MigrationAnalyzer
{
    protected FrameworkUpgradeAnalyzer(params DiagnosticDescriptor[] descriptors)
        : base(descriptors)
    {
    }

    protected sealed override void OnCompilationStart(CompilationStartAnalysisContext context)
        => OnCompilationStart(context, UpgradeTargetResolver.Create(context.Compilation, context.Options));

    /// <summary>Resolve the APIs the rule looks for and register actions; <paramref name="target"/> says per file whether the rule applies.</summary>
    protected abstract void OnCompilationStart(CompilationStartAnalysisContext context, UpgradeTargetResolver target);
}
