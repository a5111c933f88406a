using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace MigrationAnalyzers.CodeFixes.Infrastructure;

/// <summary>
/// Fixes write new type names fully qualified with <see cref="Simplifier.AddImportsAnnotation"/>; this adds the using
/// directives they need, after which the code action's own cleanup shortens the names (or leaves them qualified
/// where a using would be ambiguous).
/// </summary>
internal static class Imports
{
    public static Task<Document> AddAsync(Document document, SyntaxNode newRoot, CancellationToken cancellationToken)
        => ImportAdder.AddImportsAsync(document.WithSyntaxRoot(newRoot), Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken);
}
