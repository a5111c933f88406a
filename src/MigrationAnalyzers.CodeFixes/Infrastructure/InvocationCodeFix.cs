using System;
using System.Collections.Immutable;
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
public abstract class InvocationCodeFix : CodeFixProvider
{
    private readonly string _title;
    private readonly string _equivalenceKey;

    protected InvocationCodeFix(string diagnosticId, string title, string equivalenceKey)
    {
        FixableDiagnosticIds = ImmutableArray.Create(diagnosticId);
        _title = title;
        _equivalenceKey = equivalenceKey;
    }

    public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

    // Not the batch fixer: it merges the text changes of separate fixes, and drops all but one of the fixes that each
    // add the same using directive.
    public sealed override FixAllProvider GetFixAllProvider() => OneByOneFixAllProvider.Instance;

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

    /// <summary>The edit of the document's root that fixes <paramref name="invocation"/>, or null when the fix is not offered.</summary>
    protected abstract Func<SyntaxNode, SyntaxNode>? PlanEdit(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken);
}
