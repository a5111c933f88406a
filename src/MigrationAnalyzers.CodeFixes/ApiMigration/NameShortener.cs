using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace MigrationAnalyzers.CodeFixes.ApiMigration;

/// <summary>
/// Shortens the fully qualified names a rewrite wrote (<c>global::System.Threading.Volatile.Read</c> → <c>Volatile.Read</c>)
/// when the short form binds to the same symbol at that place; otherwise the qualified name stays, so the result compiles.
/// </summary>
internal static class NameShortener
{
    public static async Task<Document> ShortenAsync(Document document, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
        foreach (var node in root.GetAnnotatedNodes(Simplifier.AddImportsAnnotation))
        {
            if (Shorten(node, model, cancellationToken) is { } shorter)
            {
                replacements[node] = shorter.WithTriviaFrom(node);
            }
        }

        return replacements.Count == 0 ? document : document.WithSyntaxRoot(root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]));
    }

    private static SyntaxNode? Shorten(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        var text = node.WithoutTrivia().ToFullString();
        if (!text.StartsWith("global::", StringComparison.Ordinal))
        {
            return null;
        }

        var expected = Bind(node, node, model, cancellationToken);
        if (expected is null)
        {
            return null;
        }

        // Try the shortest form first: drop whole leading segments as long as the meaning stays the same.
        var segments = SplitTopLevel(text.Substring("global::".Length));
        for (var skip = segments.Count - 1; skip >= 1; skip--)
        {
            var candidateText = string.Join(".", segments.Skip(skip));
            SyntaxNode candidate = node is NameSyntax ? SyntaxFactory.ParseName(candidateText) : SyntaxFactory.ParseExpression(candidateText);
            if (!candidate.ContainsDiagnostics && SymbolEqualityComparer.Default.Equals(Bind(node, candidate, model, cancellationToken), expected))
            {
                return candidate;
            }
        }

        return null;
    }

    private static ISymbol? Bind(SyntaxNode original, SyntaxNode candidate, SemanticModel model, CancellationToken cancellationToken)
    {
        if (original.Parent is AttributeSyntax attribute && candidate is NameSyntax name)
        {
            return model.GetSpeculativeSymbolInfo(attribute.SpanStart, attribute.WithName(name)).Symbol?.ContainingType;
        }

        if (ReferenceEquals(original, candidate))
        {
            var info = model.GetSymbolInfo(original, cancellationToken);
            return info.Symbol ?? (info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] : null);
        }

        var option = original is NameSyntax && !SyntaxFacts.IsInNamespaceOrTypeContext(original as ExpressionSyntax)
            ? SpeculativeBindingOption.BindAsExpression
            : original is NameSyntax ? SpeculativeBindingOption.BindAsTypeOrNamespace : SpeculativeBindingOption.BindAsExpression;
        var speculative = model.GetSpeculativeSymbolInfo(original.SpanStart, (ExpressionSyntax)candidate, option);
        return speculative.Symbol ?? (speculative.CandidateSymbols.Length == 1 ? speculative.CandidateSymbols[0] : null);
    }

    /// <summary>Splits <c>A.B.C&lt;X.Y&gt;.D</c> on the dots outside angle brackets and parentheses.</summary>
    private static List<string> SplitTopLevel(string text)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '<' or '(' or '[':
                    depth++;
                    break;
                case '>' or ')' or ']':
                    depth--;
                    break;
                case '.' when depth == 0:
                    parts.Add(text.Substring(start, i - start));
                    start = i + 1;
                    break;
            }
        }

        parts.Add(text.Substring(start));
        return parts;
    }
}
