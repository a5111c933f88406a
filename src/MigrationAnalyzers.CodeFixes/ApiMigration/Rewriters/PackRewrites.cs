using Microsoft.CodeAnalysis;
using MigrationAnalyzers.RulePacks;

namespace MigrationAnalyzers.CodeFixes.ApiMigration.Rewriters;

/// <summary>Chooses the rewriter for a rewrite kind. Every rewriter returns null when it cannot rewrite safely.</summary>
internal static class PackRewrites
{
    public static RewritePlan? Plan(SyntaxNode reported, RewriteSpec rewrite, SemanticModel model) => rewrite.Kind switch
    {
        RewriteKind.Rename => RenameMemberRewriter.Plan(reported, rewrite, model),
        RewriteKind.ChangeType => ChangeTypeRewriter.Plan(reported, rewrite, model),
        RewriteKind.ChangeNamespace => ChangeNamespaceRewriter.Plan(reported, rewrite, model),
        RewriteKind.MoveStatic or RewriteKind.Factory => StaticCallRewriter.Plan(reported, rewrite, model),
        RewriteKind.Arguments => ArgumentsRewriter.Plan(reported, rewrite, model),
        RewriteKind.Attribute => AttributeRewriter.Plan(reported, rewrite, model),
        RewriteKind.Template => TemplateRewriter.Plan(reported, rewrite, model),
        _ => null,
    };
}
