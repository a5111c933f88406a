using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.CodeFixes.NewMigrations;
using MigrationAnalyzers.Descriptors;
using MigrationAnalyzers.Rules.Migrations;

namespace MigrationAnalyzers.CodeFixes.Migrations;

/// <summary>
/// MIG1020: moves the data changes of a migration into a new migration that runs directly after it.
/// Two shapes: a new file (the IDE writes it) and the same file (what Fix All and <c>dotnet format</c> can write).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SplitSchemaAndDataCodeFixProvider)), Shared]
public sealed class SplitSchemaAndDataCodeFixProvider : CodeFixProvider
{
    public const string NewFileKey = "MIG1020.SplitIntoNewFile";
    public const string SameFileKey = "MIG1020.SplitIntoSameFile";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.SchemaAndDataInOneMigration);

    public override FixAllProvider GetFixAllProvider() => SplitSchemaAndDataFixAllProvider.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            var split = await PlanAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false);
            if (split is null)
            {
                continue;
            }

            var name = split.DataMigration.Id.ClassName;
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Split the data changes into a new migration file ({name})",
                    cancellationToken => NewMigrationWriter.InNewFilesAsync(context.Document, split.Original, split.Edits, new[] { split.DataMigration }, cancellationToken),
                    NewFileKey),
                diagnostic);
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Split the data changes into a new migration in the same file ({name})",
                    cancellationToken => NewMigrationWriter.InSameFileAsync(context.Document, split.Original, split.Edits, new[] { split.DataMigration }, cancellationToken),
                    SameFileKey),
                diagnostic);
        }
    }

    /// <summary>The split for the migration a MIG1020 diagnostic is in, or null when it cannot be split safely.</summary>
    internal static async Task<SchemaDataSplit?> PlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return null;
        }

        var declaration = root.FindNode(diagnostic.Location.SourceSpan).AncestorsAndSelf().OfType<ClassDeclarationSyntax>().FirstOrDefault();
        if (declaration is null || model.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol type)
        {
            return null;
        }

        var seedDataMoves = diagnostic.Properties.TryGetValue(SchemaAndDataInOneMigrationAnalyzer.SeedDataMovesProperty, out var value) && value == "true";
        return SchemaDataSplit.TryPlan(model.Compilation, type, seedDataMoves, cancellationToken);
    }
}
