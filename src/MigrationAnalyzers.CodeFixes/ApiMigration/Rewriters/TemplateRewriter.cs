using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.RulePacks;

namespace MigrationAnalyzers.CodeFixes.ApiMigration.Rewriters;

/// <summary><c>template EXPRESSION</c>: the whole call, object creation or member access becomes the expanded template.</summary>
internal static class TemplateRewriter
{
    public static RewritePlan? Plan(SyntaxNode reported, RewriteSpec rewrite, SemanticModel model)
    {
        var original = reported as BaseObjectCreationExpressionSyntax ?? CallSite.Expression(reported);
        if (CallSite.CapturesOf(original, model) is not { } captures || TemplateExpander.Expand(rewrite.Argument, captures) is not { } expanded)
        {
            return null;
        }

        var replacement = KeepDotTrivia(original, expanded).WithTriviaFrom(original);
        return SpeculativeCheck.ExpressionBinds(model, original, replacement) ? new RewritePlan(original, replacement) : null;
    }

    /// <summary>
    /// <c>receiver⏎    .Old(…)</c> → <c>receiver⏎    .New(…)</c>: when the template keeps the receiver in front, the line break
    /// and indentation before the dot (trivia of the dot token) stay where the user put them.
    /// </summary>
    private static ExpressionSyntax KeepDotTrivia(ExpressionSyntax original, ExpressionSyntax expanded)
    {
        if (original is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax oldAccess }
            && expanded is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax newAccess } invocation
            && newAccess.Expression.IsEquivalentTo(oldAccess.Expression, topLevel: false))
        {
            return invocation.WithExpression(newAccess.WithOperatorToken(newAccess.OperatorToken.WithTriviaFrom(oldAccess.OperatorToken)));
        }

        return expanded;
    }
}
