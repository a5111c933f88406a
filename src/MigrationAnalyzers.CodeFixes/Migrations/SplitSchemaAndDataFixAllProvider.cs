using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.CodeFixes.NewMigrations;

namespace MigrationAnalyzers.CodeFixes.Migrations;

/// <summary>
/// Fix All for MIG1020. The batch fixer cannot merge fixes that add documents, and <c>dotnet format</c> does not
/// write added documents, so every split made here uses the same-file shape, whatever action it was started from.
/// Splits are applied one migration at a time on the updated solution: each one sees the IDs the earlier ones took.
/// </summary>
internal sealed class SplitSchemaAndDataFixAllProvider : FixAllProvider
{
    public static readonly SplitSchemaAndDataFixAllProvider Instance = new SplitSchemaAndDataFixAllProvider();

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
        => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

    public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        => Task.FromResult<CodeAction?>(CodeAction.Create(
            "Split schema and data changes into separate migrations",
            cancellationToken => FixAllAsync(fixAllContext, cancellationToken),
            fixAllContext.CodeActionEquivalenceKey));

    private static async Task<Solution> FixAllAsync(FixAllContext context, CancellationToken cancellationToken)
    {
        var projects = context.Scope == FixAllScope.Solution ? context.Solution.Projects : new[] { context.Project };
        var targets = new List<(DocumentId Document, string TypeName, bool SeedDataMoves)>();
        foreach (var project in projects)
        {
            // Project diagnostics include those in documents; dotnet format answers only this question.
            foreach (var diagnostic in await context.GetAllDiagnosticsAsync(project).ConfigureAwait(false))
            {
                if (!context.DiagnosticIds.Contains(diagnostic.Id) || diagnostic.Location.SourceTree is not { } tree
                    || project.GetDocument(tree) is not { } document
                    || (context.Scope == FixAllScope.Document && document.Id != context.Document?.Id))
                {
                    continue;
                }

                var root = await tree.GetRootAsync(cancellationToken).ConfigureAwait(false);
                var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                var declaration = root.FindNode(diagnostic.Location.SourceSpan).AncestorsAndSelf().OfType<ClassDeclarationSyntax>().FirstOrDefault();
                if (declaration is null || model?.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol type)
                {
                    continue;
                }

                var seedDataMoves = diagnostic.Properties.TryGetValue(Rules.Migrations.SchemaAndDataInOneMigrationAnalyzer.SeedDataMovesProperty, out var value) && value == "true";
                targets.Add((document.Id, MetadataName(type), seedDataMoves));
            }
        }

        var solution = context.Solution;
        foreach (var (documentId, typeName, seedDataMoves) in targets.Distinct().OrderBy(target => target.TypeName, System.StringComparer.Ordinal))
        {
            if (solution.GetDocument(documentId) is not { } document
                || await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false) is not { } compilation
                || compilation.GetTypeByMetadataName(typeName) is not { } type
                || SchemaDataSplit.TryPlan(compilation, type, seedDataMoves, cancellationToken) is not { } split
                || solution.GetDocument(split.Original.MainDeclaration!.SyntaxTree) is not { } mainDocument)
            {
                continue;
            }

            solution = await NewMigrationWriter.InSameFileAsync(mainDocument, split.Original, split.Edits, new[] { split.DataMigration }, cancellationToken).ConfigureAwait(false);
        }

        return solution;
    }

    private static string MetadataName(INamedTypeSymbol type)
    {
        var name = type.MetadataName;
        for (var container = type.ContainingType; container is not null; container = container.ContainingType)
        {
            name = container.MetadataName + "+" + name;
        }

        return type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + name : name;
    }
}
