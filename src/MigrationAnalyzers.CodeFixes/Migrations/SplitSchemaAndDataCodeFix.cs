using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using MigrationAnalyzers.CodeFixes.Infrastructure;
using MigrationAnalyzers.CodeFixes.NewMigrations;
using MigrationAnalyzers.Descriptors;
using MigrationAnalyzers.Rules.Migrations;

namespace MigrationAnalyzers.CodeFixes.Migrations;

/// <summary>
/// MIG1020: moves the data changes of a migration into a new migration that runs directly after it.
/// Two shapes: a new file (the IDE writes it) and the same file (what Fix All and <c>dotnet format</c> can write).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SplitSchemaAndDataCodeFix)), Shared]
public sealed class SplitSchemaAndDataCodeFix : CodeFixProvider
{
    public const string NewFileKey = "MIG1020.SplitIntoNewFile";
    public const string SameFileKey = "MIG1020.SplitIntoSameFile";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.SchemaAndDataInOneMigration);

    public override FixAllProvider GetFixAllProvider() => OneByOneFixAllProvider.ForFollowingMigrations(SameFileKey);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            var split = await PlanAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false);
            if (split is null)
            {
                continue;
            }

            var name = split.Migrations[0].Id.ClassName;
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Split the data changes into a new migration file ({name})",
                    cancellationToken => split.InNewFilesAsync(context.Document, cancellationToken),
                    NewFileKey),
                diagnostic);
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Split the data changes into a new migration in the same file ({name})",
                    cancellationToken => split.InSameFileAsync(context.Document, cancellationToken),
                    SameFileKey),
                diagnostic);
        }
    }

    /// <summary>The split for the migration a MIG1020 diagnostic is in, or null when it cannot be split safely.</summary>
    private static async Task<NewMigrationsPlan?> PlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return model is not null && await MigrationTypeAt.DiagnosticAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is { } type
            ? SchemaDataSplit.TryPlan(model.Compilation, type, SeedDataMoves(diagnostic), cancellationToken)
            : null;
    }

    private static bool SeedDataMoves(Diagnostic diagnostic)
        => diagnostic.Properties.TryGetValue(SchemaAndDataInOneMigrationAnalyzer.SeedDataMovesProperty, out var value) && value == "true";
}
