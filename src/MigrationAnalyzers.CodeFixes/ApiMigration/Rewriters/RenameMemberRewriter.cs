using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.RulePacks;

namespace MigrationAnalyzers.CodeFixes.ApiMigration.Rewriters;

/// <summary><c>rename NewName</c>: only the member's name token changes; receiver, type arguments and arguments stay.</summary>
internal static class RenameMemberRewriter
{
    public static RewritePlan? Plan(SyntaxNode reported, RewriteSpec rewrite, SemanticModel model)
    {
        if (reported is not SimpleNameSyntax name)
        {
            return null;
        }

        var renamed = name.WithIdentifier(SyntaxFactory.Identifier(rewrite.Argument).WithTriviaFrom(name.Identifier));
        var expression = CallSite.Expression(name);
        var replacement = expression.ReplaceNode(name, renamed);
        return SpeculativeCheck.ExpressionBinds(model, expression, replacement) ? new RewritePlan(name, renamed) : null;
    }
}
