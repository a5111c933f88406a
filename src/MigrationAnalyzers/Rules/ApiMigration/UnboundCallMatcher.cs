using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.RulePacks;

namespace MigrationAnalyzers.Rules.ApiMigration;

/// <summary>
/// Calls that no longer bind after an upgrade (CS1061, CS1503 …): the compiler has no symbol for them, so they are
/// found by the member name the pack gives and the receiver's type. Only calls with such a name that do not bind get here, which is rare.
/// </summary>
internal static class UnboundCallMatcher
{
    public static void Analyze(SyntaxNodeAnalysisContext context, InvocationExpressionSyntax invocation, CompiledRuleSet rules)
    {
        if (invocation.Expression is not MemberAccessExpressionSyntax access
            || rules.ForUnbound(access.Name.Identifier.ValueText) is not { } candidates)
        {
            return;
        }

        var model = context.SemanticModel;
        var receiverType = model.GetTypeInfo(access.Expression, context.CancellationToken).Type;
        if (receiverType is null || receiverType.TypeKind == TypeKind.Error)
        {
            return;
        }

        Captures? captures = null;
        foreach (var (rule, receiver) in candidates)
        {
            if (IsOrDerivesFrom(receiverType, receiver) && rules.AppliesIn(rule, invocation.SyntaxTree))
            {
                captures ??= Captures.ForInvocation(invocation, method: null);
                context.ReportDiagnostic(RuleMatcher.CreateDiagnostic(rule, access.Name.GetLocation(), captures, model, rules.FrameworkOf(invocation.SyntaxTree)));
            }
        }
    }

    private static bool IsOrDerivesFrom(ITypeSymbol type, INamedTypeSymbol receiver)
    {
        var target = receiver.OriginalDefinition;
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, target))
            {
                return true;
            }
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, target))
            {
                return true;
            }
        }

        return false;
    }
}
