using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MigrationAnalyzers.CodeFixes.Infrastructure;

/// <summary>
/// A fix for a diagnostic reported on one invocation: finds the call, asks the fix whether it can rewrite it, and offers
/// the rewrite as one action (with the using directives its new names need). A fix keeps only what is specific to it:
/// which calls qualify and what they become.
/// </summary>
public abstract class InvocationFix : CodeFixProvider
{
    private readonly string _title;
    private readonly string _equivalenceKey;

    protected InvocationFix(string diagnosticId, string title, string equivalenceKey)
    {
        FixableDiagnosticIds = ImmutableArray.Create(diagnosticId);
        _title = title;
        _equivalenceKey = equivalenceKey;
    }

    public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

    // Not the batch fixer: it merges the text changes of separate fixes, and drops all but one of the fixes that each
    // add the same using directive.
    public sealed override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixDocumentAsync);

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is InvocationExpressionSyntax invocation
                && PlanEdit(invocation, model, context.CancellationToken) is { } edit)
            {
                // The edit runs on the root its nodes were found in.
                context.RegisterCodeFix(
                    CodeAction.Create(_title, cancellationToken => Imports.AddAsync(context.Document, edit(root), cancellationToken), _equivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary>
    /// Applies the edits one at a time, each planned on the document the previous ones produced, and adds the using
    /// directives once at the end, which gives the text of fixing the calls one by one. The calls are marked with
    /// annotations first: edits move text (and may rewrite a call around another), so spans would not find them again.
    /// </summary>
    private async Task<Document?> FixDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var cancellationToken = context.CancellationToken;
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var marks = new Dictionary<SyntaxNode, SyntaxAnnotation>();
        foreach (var diagnostic in diagnostics)
        {
            if (root.FullSpan.Contains(diagnostic.Location.SourceSpan)
                && root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is InvocationExpressionSyntax invocation
                && !marks.ContainsKey(invocation))
            {
                marks.Add(invocation, new SyntaxAnnotation(nameof(InvocationFix)));
            }
        }

        document = document.WithSyntaxRoot(root.ReplaceNodes(marks.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(marks[original])));
        foreach (var mark in marks.Values)
        {
            root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is not null && model is not null
                && root.GetAnnotatedNodes(mark).FirstOrDefault() is InvocationExpressionSyntax invocation
                && PlanEdit(invocation, model, cancellationToken) is { } edit)
            {
                document = document.WithSyntaxRoot(edit(root));
            }
        }

        var fixedRoot = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return fixedRoot is null ? document : await Imports.AddAsync(document, fixedRoot, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The edit of the document's root that fixes <paramref name="invocation"/>, or null when the fix is not offered.</summary>
    protected abstract Func<SyntaxNode, SyntaxNode>? PlanEdit(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken);
}
