using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Reading;
using MigrationAnalyzers.Reversal;

namespace MigrationAnalyzers.CodeFixes.Reversal;

/// <summary>
/// The migration class a MIG1001/MIG1003 diagnostic is on, found only when the analyzer said a Down can be generated
/// for it (<see cref="InversePlan.CanGenerateDownProperty"/>): what both fixes that write Down start from.
/// </summary>
internal sealed class ReversibleMigration
{
    private ReversibleMigration(ClassDeclarationSyntax declaration, SemanticModel model, MigrationCatalog catalog, MigrationInfo migration)
    {
        Declaration = declaration;
        Model = model;
        Catalog = catalog;
        Migration = migration;
    }

    public ClassDeclarationSyntax Declaration { get; }

    public SemanticModel Model { get; }

    public MigrationCatalog Catalog { get; }

    public MigrationInfo Migration { get; }

    public InversePlan Plan() => InversePlanner.Plan(Migration, Catalog);

    public static async Task<ReversibleMigration?> FindAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(InversePlan.CanGenerateDownProperty, out var can) || can != "true")
        {
            return null;
        }

        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var declaration = root?.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<ClassDeclarationSyntax>();
        if (model is null || declaration is null || model.GetDeclaredSymbol(declaration, cancellationToken) is not { } type)
        {
            return null;
        }

        var catalog = MigrationCatalog.For(model.Compilation);
        return catalog.Get(type) is { } migration ? new ReversibleMigration(declaration, model, catalog, migration) : null;
    }
}
