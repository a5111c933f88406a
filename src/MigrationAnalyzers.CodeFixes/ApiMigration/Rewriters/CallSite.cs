using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.RulePacks;

namespace MigrationAnalyzers.CodeFixes.ApiMigration.Rewriters;

/// <summary>From the reported node (a member name, an object creation, an attribute) to the expression a rewrite replaces.</summary>
internal static class CallSite
{
    /// <summary>The invocation whose member name was reported, or null.</summary>
    public static InvocationExpressionSyntax? Invocation(SyntaxNode reported)
    {
        if (reported.Parent is MemberAccessExpressionSyntax access && access.Name == reported && access.Parent is InvocationExpressionSyntax outer && outer.Expression == access)
        {
            return outer;
        }

        return reported.Parent is InvocationExpressionSyntax simple && simple.Expression == reported ? simple : null;
    }

    /// <summary>The whole expression a reported member name belongs to: the call, the member access, or the name.</summary>
    public static ExpressionSyntax Expression(SyntaxNode reported)
    {
        if (Invocation(reported) is { } invocation)
        {
            return invocation;
        }

        if (reported.Parent is MemberAccessExpressionSyntax access && access.Name == reported)
        {
            return access;
        }

        return (ExpressionSyntax)reported;
    }

    /// <summary>Captures of the expression a rewrite replaces.</summary>
    public static Captures? CapturesOf(ExpressionSyntax expression, SemanticModel model)
    {
        switch (expression)
        {
            case InvocationExpressionSyntax invocation:
                var info = model.GetSymbolInfo(invocation);
                var method = info.Symbol as IMethodSymbol ?? (info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] as IMethodSymbol : null);
                return Captures.ForInvocation(invocation, method);
            case BaseObjectCreationExpressionSyntax creation:
                return Captures.ForObjectCreation(creation, model.GetSymbolInfo(creation).Symbol as IMethodSymbol);
            default:
                return Captures.ForMemberReference(expression);
        }
    }
}
