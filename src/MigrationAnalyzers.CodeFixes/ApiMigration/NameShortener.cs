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
    /// <param name="importedNamespaces">
    /// Namespaces the file imports after the fix: names written qualified with them by an earlier fix (when the short
    /// name was still ambiguous) are shortened too, so fixing one rule at a time ends where fixing all at once does.
    /// </param>
    public static async Task<Document> ShortenAsync(Document document, IReadOnlyCollection<string> importedNamespaces, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
        var candidates = root.GetAnnotatedNodes(Simplifier.AddImportsAnnotation).ToList();
        candidates.AddRange(QualifiedWith(root, importedNamespaces).Where(node => !candidates.Any(c => c.Span.Contains(node.Span))));
        foreach (var node in candidates)
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
        if (text.StartsWith("global::", StringComparison.Ordinal))
        {
            text = text.Substring("global::".Length);
        }

        var expected = Bind(node, node, model, cancellationToken);
        if (expected is null)
        {
            return null;
        }

        // Try the shortest form first: drop whole leading segments as long as the meaning stays the same.
        var segments = SplitTopLevel(text);
        for (var skip = segments.Count - 1; skip >= 1; skip--)
        {
            var candidateText = string.Join(".", segments.Skip(skip));
            SyntaxNode candidate = node is NameSyntax ? SyntaxFactory.ParseName(candidateText) : SyntaxFactory.ParseExpression(candidateText);
            if (!candidate.ContainsDiagnostics && SymbolEqualityComparer.Default.Equals(Bind(node, candidate, model, cancellationToken)?.OriginalDefinition, expected.OriginalDefinition))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Outermost <c>N.Type</c> / <c>N.Type.Member</c> chains of names in code (not usings or namespace names) for the given namespaces.</summary>
    private static IEnumerable<SyntaxNode> QualifiedWith(SyntaxNode root, IReadOnlyCollection<string> namespaces)
    {
        if (namespaces.Count == 0)
        {
            return Enumerable.Empty<SyntaxNode>();
        }

        return root.DescendantNodes(node => node is not (UsingDirectiveSyntax or BaseNamespaceDeclarationSyntax { Name: null }))
            .Where(node => IsNameChain(node) && !IsNameChain(node.Parent) && !node.Ancestors().Any(a => a is UsingDirectiveSyntax)
                && !(node.Parent is BaseNamespaceDeclarationSyntax declaration && declaration.Name == node))
            .Where(node => namespaces.Any(ns => node.WithoutTrivia().ToString().Replace("global::", string.Empty).StartsWith(ns + ".", StringComparison.Ordinal)));
    }

    /// <summary><c>A.B.C</c> as a qualified name or a member access over names only (no calls in between).</summary>
    private static bool IsNameChain(SyntaxNode? node) => node switch
    {
        QualifiedNameSyntax => true,
        MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax or AliasQualifiedNameSyntax } => true,
        MemberAccessExpressionSyntax { Expression: var inner } => IsNameChain(inner),
        _ => false,
    };

    private static ISymbol? Bind(SyntaxNode original, SyntaxNode candidate, SemanticModel model, CancellationToken cancellationToken)
    {
        if (original.Parent is AttributeSyntax attribute && candidate is NameSyntax name)
        {
            var constructor = ReferenceEquals(original, candidate)
                ? model.GetSymbolInfo(attribute, cancellationToken).Symbol
                : model.GetSpeculativeSymbolInfo(attribute.SpanStart, attribute.WithName(name)).Symbol;
            return constructor?.ContainingType;
        }

        // The target of a call is compared as the whole call: a method group alone binds to several overloads.
        if (original.Parent is InvocationExpressionSyntax invocation && invocation.Expression == original)
        {
            var call = ReferenceEquals(original, candidate) ? invocation : invocation.WithExpression((ExpressionSyntax)candidate);
            var callInfo = ReferenceEquals(original, candidate)
                ? model.GetSymbolInfo(invocation, cancellationToken)
                : model.GetSpeculativeSymbolInfo(invocation.SpanStart, call, SpeculativeBindingOption.BindAsExpression);
            return callInfo.Symbol;
        }

        if (ReferenceEquals(original, candidate))
        {
            var info = model.GetSymbolInfo(original, cancellationToken);
            return info.Symbol ?? (info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] : null);
        }

        var option = original is ExpressionSyntax expression && SyntaxFacts.IsInNamespaceOrTypeContext(expression)
            ? SpeculativeBindingOption.BindAsTypeOrNamespace
            : SpeculativeBindingOption.BindAsExpression;
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
