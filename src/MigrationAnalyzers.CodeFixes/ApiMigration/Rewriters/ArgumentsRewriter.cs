using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.RulePacks;

namespace MigrationAnalyzers.CodeFixes.ApiMigration.Rewriters;

/// <summary><c>arguments {1}, {0}</c>: the same call with its argument list rebuilt from captures (reorder, drop, add).</summary>
internal static class ArgumentsRewriter
{
    public static RewritePlan? Plan(SyntaxNode reported, RewriteSpec rewrite, SemanticModel model)
    {
        if (CallSite.Invocation(reported) is not { } invocation || CallSite.CapturesOf(invocation, model) is not { } captures)
        {
            return null;
        }

        if (TemplateExpander.Expand("__call(" + rewrite.Argument + ")", captures) is not InvocationExpressionSyntax built)
        {
            return null;
        }

        var arguments = built.ArgumentList.WithOpenParenToken(invocation.ArgumentList.OpenParenToken).WithCloseParenToken(invocation.ArgumentList.CloseParenToken);
        var replacement = invocation.WithArgumentList(arguments);
        return SpeculativeCheck.ExpressionBinds(model, invocation, replacement) ? new RewritePlan(invocation, replacement) : null;
    }
}
