using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.RulePacks;

namespace MigrationAnalyzers.CodeFixes.ApiMigration.Rewriters;

/// <summary><c>namespace New.Namespace</c>: the reported namespace name (in a using directive or a qualified name) is replaced.</summary>
internal static class ChangeNamespaceRewriter
{
    public static RewritePlan? Plan(SyntaxNode reported, RewriteSpec rewrite, SemanticModel model)
    {
        if (RuleResolver.FindNamespace(rewrite.Argument, model.Compilation) is null)
        {
            return null;
        }

        // A qualified type name must still name a type in the new namespace.
        if (reported.Parent is QualifiedNameSyntax { Right: var right } qualified && qualified.Left == reported
            && model.GetSymbolInfo(qualified).Symbol is INamedTypeSymbol
            && model.Compilation.GetTypeByMetadataName(rewrite.Argument + "." + right.Identifier.ValueText + (right is GenericNameSyntax g ? "`" + g.Arity : string.Empty)) is null)
        {
            return null;
        }

        SyntaxNode replacement = reported is ExpressionSyntax and not NameSyntax
            ? SyntaxFactory.ParseExpression(rewrite.Argument)
            : SyntaxFactory.ParseName(rewrite.Argument);
        return new RewritePlan(reported, replacement.WithTriviaFrom(reported));
    }
}
