using System.Threading;
using Microsoft.CodeAnalysis;
using MigrationAnalyzers.Reading;

namespace MigrationAnalyzers.CodeFixes.Migrations;

/// <summary>The migration whose Up or Down holds a diagnostic's operation, read from the catalog as the analyzer saw it.</summary>
internal static class EnclosingMigration
{
    public static MigrationInfo? Of(SemanticModel semanticModel, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var node = semanticModel.SyntaxTree.GetRoot(cancellationToken).FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        return semanticModel.GetEnclosingSymbol(node.SpanStart, cancellationToken)?.ContainingType is { } type
            ? MigrationCatalog.For(semanticModel.Compilation).Get(type)
            : null;
    }
}
