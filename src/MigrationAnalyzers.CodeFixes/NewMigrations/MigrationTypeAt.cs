using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MigrationAnalyzers.CodeFixes.NewMigrations;

/// <summary>The migration class a diagnostic is in, for the fixes that add migrations after it.</summary>
internal static class MigrationTypeAt
{
    /// <summary>The class that holds the diagnostic.</summary>
    public static async Task<INamedTypeSymbol?> DiagnosticAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var declaration = root?.FindNode(diagnostic.Location.SourceSpan).AncestorsAndSelf().OfType<ClassDeclarationSyntax>().FirstOrDefault();
        return declaration is null ? null : model?.GetDeclaredSymbol(declaration, cancellationToken) as INamedTypeSymbol;
    }
}
