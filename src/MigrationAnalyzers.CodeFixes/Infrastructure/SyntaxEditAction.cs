using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;

namespace MigrationAnalyzers.CodeFixes.Infrastructure;

/// <summary>A code action that rewrites the document's syntax root; the edit is worked out before it is offered.</summary>
internal static class SyntaxEditAction
{
    public static CodeAction Create(string title, Document document, Func<SyntaxNode, SyntaxNode> edit, string equivalenceKey)
        => CodeAction.Create(
            title,
            async cancellationToken =>
            {
                var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                return root is null ? document : document.WithSyntaxRoot(edit(root));
            },
            equivalenceKey);
}
