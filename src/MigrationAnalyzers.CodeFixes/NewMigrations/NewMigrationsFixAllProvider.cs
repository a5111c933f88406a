using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MigrationAnalyzers.CodeFixes.NewMigrations;

/// <summary>
/// Fix All for fixes that add migrations. The batch fixer cannot merge fixes that add documents, and
/// <c>dotnet format</c> does not write added documents, so every fix made here uses the same-file shape, whatever
/// action it was started from. Fixes are applied one at a time on the updated solution, re-planned from the
/// migration's type name and a key the diagnostic carries: each one sees the IDs the earlier ones took, and a fix
/// that no longer applies is skipped.
/// </summary>
internal sealed class NewMigrationsFixAllProvider : FixAllProvider
{
    private readonly string _title;
    private readonly Func<Diagnostic, Compilation, INamedTypeSymbol, string?> _keyOf;
    private readonly Func<Project, Compilation, INamedTypeSymbol, string, CancellationToken, NewMigrationsPlan?> _plan;

    /// <param name="keyOf">What, besides the migration, identifies the fix (a column name, an option); it must survive earlier fixes. Null skips the diagnostic.</param>
    /// <param name="plan">Plans the fix for a migration and key on the current compilation.</param>
    public NewMigrationsFixAllProvider(string title, Func<Diagnostic, Compilation, INamedTypeSymbol, string?> keyOf, Func<Compilation, INamedTypeSymbol, string, CancellationToken, NewMigrationsPlan?> plan)
        : this(title, keyOf, (_, compilation, type, key, cancellationToken) => plan(compilation, type, key, cancellationToken))
    {
    }

    /// <param name="plan">Plans the fix with the project of the migration at hand: its analyzer options carry the settings (the target database) the rule read.</param>
    public NewMigrationsFixAllProvider(string title, Func<Diagnostic, Compilation, INamedTypeSymbol, string?> keyOf, Func<Project, Compilation, INamedTypeSymbol, string, CancellationToken, NewMigrationsPlan?> plan)
    {
        _title = title;
        _keyOf = keyOf;
        _plan = plan;
    }

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
        => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

    public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        => Task.FromResult<CodeAction?>(CodeAction.Create(_title, cancellationToken => FixAllAsync(fixAllContext, cancellationToken), fixAllContext.CodeActionEquivalenceKey));

    private async Task<Solution> FixAllAsync(FixAllContext context, CancellationToken cancellationToken)
    {
        var projects = context.Scope == FixAllScope.Solution ? context.Solution.Projects : new[] { context.Project };
        var targets = new List<(DocumentId Document, string TypeName, string Key)>();
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

                if (await MigrationTypeAtAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is { } type
                    && await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false) is { } compilation
                    && _keyOf(diagnostic, compilation, type) is { } key)
                {
                    targets.Add((document.Id, MetadataName(type), key));
                }
            }
        }

        var solution = context.Solution;
        foreach (var (documentId, typeName, key) in targets.Distinct().OrderBy(target => target.TypeName, StringComparer.Ordinal).ThenBy(target => target.Key, StringComparer.Ordinal))
        {
            if (solution.GetDocument(documentId) is not { } document
                || await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false) is not { } compilation
                || compilation.GetTypeByMetadataName(typeName) is not { } type
                || _plan(document.Project, compilation, type, key, cancellationToken) is not { } plan
                || solution.GetDocument(plan.Original.MainDeclaration!.SyntaxTree) is not { } mainDocument)
            {
                continue;
            }

            solution = await plan.InSameFileAsync(mainDocument, cancellationToken).ConfigureAwait(false);
        }

        return solution;
    }

    /// <summary>The class that holds the diagnostic.</summary>
    public static async Task<INamedTypeSymbol?> MigrationTypeAtAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var declaration = root?.FindNode(diagnostic.Location.SourceSpan).AncestorsAndSelf().OfType<ClassDeclarationSyntax>().FirstOrDefault();
        return declaration is null ? null : model?.GetDeclaredSymbol(declaration, cancellationToken) as INamedTypeSymbol;
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
