using Microsoft.CodeAnalysis;

namespace MigrationAnalyzers.CodeFixes.ApiMigration.Rewriters;

/// <summary>One node to replace and what replaces it (trivia already carried over).</summary>
internal sealed class RewritePlan
{
    public RewritePlan(SyntaxNode original, SyntaxNode replacement)
    {
        Original = original;
        Replacement = replacement;
    }

    public SyntaxNode Original { get; }

    public SyntaxNode Replacement { get; }
}
