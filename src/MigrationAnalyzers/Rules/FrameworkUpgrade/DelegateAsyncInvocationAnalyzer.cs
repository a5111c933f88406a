// Not a pack rule: BeginInvoke is compiler-made on every delegate type, so no documentation ID can list them.
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MigrationAnalyzers.Infrastructure;
using MigrationAnalyzers.Settings;
using static MigrationAnalyzers.Descriptors.Descriptors;

namespace MigrationAnalyzers.Rules.FrameworkUpgrade;

/// <summary>
/// MIG3005: <c>BeginInvoke</c> on a delegate. Every delegate type has the compiler-made BeginInvoke/EndInvoke pair,
/// so no table can list them: the rule recognises them by the delegate type that declares them.
/// Only BeginInvoke is reported; its EndInvoke is rewritten together with it by the fix.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DelegateAsyncInvocationAnalyzer : FrameworkUpgradeAnalyzer
{
    public const string BeginInvoke = "BeginInvoke";
    public const string EndInvoke = "EndInvoke";

    public DelegateAsyncInvocationAnalyzer()
        : base(MIG3005_DelegateAsyncInvocation)
    {
    }

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, UpgradeTargetResolver target)
    {
        context.RegisterSyntaxNodeAction(
            nodeContext =>
            {
                if (WrittenNames.Invoked((InvocationExpressionSyntax)nodeContext.Node) != BeginInvoke
                    || nodeContext.SemanticModel.GetOperation(nodeContext.Node, nodeContext.CancellationToken) is not IInvocationOperation invocation)
                {
                    return;
                }

                var method = invocation.TargetMethod;
                if (method.Name != BeginInvoke || method.ContainingType.TypeKind != TypeKind.Delegate)
                {
                    return;
                }

                var tree = invocation.Syntax.SyntaxTree;
                if (!target.Reaches(tree, FrameworkVersions.NetCore1))
                {
                    return;
                }

                nodeContext.ReportDiagnostic(Diagnostic.Create(
                    MIG3005_DelegateAsyncInvocation,
                    invocation.Syntax.GetLocation(),
                    method.ContainingType.Name + "." + BeginInvoke,
                    target.For(tree)!.DisplayName));
            },
            SyntaxKind.InvocationExpression);
    }
}
