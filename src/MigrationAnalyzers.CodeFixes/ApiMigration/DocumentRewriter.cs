using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.CodeFixes.ApiMigration.Rewriters;
using MigrationAnalyzers.RulePacks;

namespace MigrationAnalyzers.CodeFixes.ApiMigration;

/// <summary>
/// Applies the rewrites of any number of pack diagnostics to one document in a single pass (one fix, or fix all):
/// replace the nodes, drop the old API's usings that became unused, add the needed ones, shorten the new names.
/// </summary>
internal static class DocumentRewriter
{
    /// <summary>The plan for one diagnostic, or null when it has no rewrite or the rewrite would not compile.</summary>
    public static RewritePlan? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(FixProperties.Rewrite, out var text) || text is null
            || RewriteSpec.Parse(text, out _) is not { } rewrite
            || !diagnostic.Location.IsInSource)
        {
            return null;
        }

        var reported = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if (rewrite.Kind == RewriteKind.Attribute)
        {
            // [JsonIgnore]: the attribute and its name have the same span.
            reported = reported.FirstAncestorOrSelf<Microsoft.CodeAnalysis.CSharp.Syntax.AttributeSyntax>();
        }

        return reported is null ? null : PackRewrites.Plan(reported, rewrite, model);
    }

    public static async Task<Document> ApplyAsync(Document document, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var plans = new List<RewritePlan>();
        var oldNamespaces = new HashSet<string>(StringComparer.Ordinal);
        var newUsings = new HashSet<string>(StringComparer.Ordinal);
        foreach (var diagnostic in diagnostics)
        {
            if (Plan(root, model, diagnostic) is not { } plan)
            {
                continue;
            }

            plans.Add(plan);
            oldNamespaces.UnionWith(UsingDirectives.NamespacesUsedBy(plan.Original, model, cancellationToken));
            if (diagnostic.Properties.TryGetValue(FixProperties.OldNamespace, out var ns) && ns is not null)
            {
                oldNamespaces.Add(ns);
            }

            if (diagnostic.Properties.TryGetValue(FixProperties.Usings, out var usings) && usings is not null)
            {
                newUsings.UnionWith(usings.Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries));
            }
        }

        // A match inside another match's rewritten span is left for the next run (its captures are spliced as written).
        var outermost = plans
            .GroupBy(plan => plan.Original)
            .Select(group => group.First())
            .Where(plan => !plans.Any(other => other.Original != plan.Original && other.Original.Span.Contains(plan.Original.Span)))
            .ToDictionary(plan => plan.Original);
        if (outermost.Count == 0)
        {
            return document;
        }

        var rewritten = document.WithSyntaxRoot(WithoutRepeatedUsings(root.ReplaceNodes(outermost.Keys, (original, _) => outermost[original].Replacement)));
        // The rule's own usings are only added where they make no existing name ambiguous (a later fix adds them then).
        var ruleUsings = await UsingDirectives.WithoutAmbiguityAsync(rewritten, newUsings, cancellationToken).ConfigureAwait(false);
        newUsings.Clear();
        newUsings.UnionWith(ruleUsings);

        // The namespaces the new names need are known before old usings go, so a using that stays needed is never removed and re-added.
        newUsings.UnionWith(await UsingDirectives.NamespacesOfAnnotatedNamesAsync(rewritten, cancellationToken).ConfigureAwait(false));
        oldNamespaces.ExceptWith(newUsings);
        rewritten = await UsingDirectives.RemoveUnusedAsync(rewritten, oldNamespaces, cancellationToken).ConfigureAwait(false);
        var importedBefore = await UsingDirectives.ImportedAsync(rewritten, cancellationToken).ConfigureAwait(false);
        rewritten = await UsingDirectives.AddAsync(rewritten, newUsings, cancellationToken).ConfigureAwait(false);
        var imported = await UsingDirectives.ImportedAsync(rewritten, cancellationToken).ConfigureAwait(false);
        var shortenable = imported.Where(ns => newUsings.Contains(ns) || !importedBefore.Contains(ns)).ToList();
        return await NameShortener.ShortenAsync(rewritten, shortenable, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A using the namespace rewrite produced that repeats a using of the same scope (<c>using Xunit.Abstractions;</c> becoming
    /// <c>using Xunit;</c> next to <c>using Xunit;</c>) is removed rather than kept twice (CS0105).
    /// </summary>
    private static SyntaxNode WithoutRepeatedUsings(SyntaxNode root)
    {
        static string? NameOf(UsingDirectiveSyntax directive)
            => directive.Alias is null && directive.StaticKeyword.IsKind(SyntaxKind.None) ? directive.Name?.ToString().Replace("global::", string.Empty) : null;

        var repeated = root.GetAnnotatedNodes(ChangeNamespaceRewriter.RewrittenUsing)
            .Select(name => name.Parent)
            .OfType<UsingDirectiveSyntax>()
            .Where(directive => NameOf(directive) is { } name && directive.Parent!.ChildNodes().OfType<UsingDirectiveSyntax>().Any(other =>
                other != directive && NameOf(other) == name
                && (other.SpanStart < directive.SpanStart || !other.Name!.HasAnnotations(ChangeNamespaceRewriter.RewrittenUsing))))
            .ToList();
        return repeated.Count == 0 ? root : root.RemoveNodes(repeated, SyntaxRemoveOptions.KeepNoTrivia | SyntaxRemoveOptions.KeepUnbalancedDirectives)!;
    }
}
