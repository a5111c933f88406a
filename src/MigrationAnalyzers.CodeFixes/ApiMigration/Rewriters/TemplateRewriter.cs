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

        var replacement = expanded.WithTriviaFrom(original);
        return SpeculativeCheck.ExpressionBinds(model, original, replacement) ? new RewritePlan(original, replacement) : null;
    }
}
