using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using MigrationAnalyzers.CodeFixes.Infrastructure;
using MigrationAnalyzers.CodeFixes.NewMigrations;
using MigrationAnalyzers.Databases;
using MigrationAnalyzers.Descriptors;
using MigrationAnalyzers.Rules.Migrations;

namespace MigrationAnalyzers.CodeFixes.Migrations;

/// <summary>
/// MIG1030, next to "Add a default value": add the column as nullable, backfill it in a second migration, make it
/// NOT NULL in a third. Offered as new files (IDE) and in the same file (what Fix All and dotnet format write). One
/// fix covers every such column of the migration, so fixing one diagnostic and Fix All give the same migrations.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NotNullInThreeStepsCodeFix)), Shared]
public sealed class NotNullInThreeStepsCodeFix : CodeFixProvider
{
    public const string NewFilesKey = "MIG1030.ThreeStepsNewFiles";
    public const string SameFileKey = "MIG1030.ThreeStepsSameFile";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.NotNullColumnWithoutDefault);

    public override FixAllProvider GetFixAllProvider() => OneByOneFixAllProvider.ForFollowingMigrations(SameFileKey);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(NotNullColumnWithoutDefaultAnalyzer.ChangeProperty, out var change) || change != "add"
                || ColumnOf(diagnostic) is not { } column
                || await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false) is not { } model
                || await MigrationTypeAt.DiagnosticAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false) is not { } type
                || Provider(context.Document.Project, model.Compilation, type) is not { } provider
                || NotNullInThreeSteps.TryPlan(model.Compilation, type, column, provider) is not { } plan)
            {
                continue;
            }

            // The plan covers every NOT NULL column the migration adds, so the title names them when there are several.
            var columns = plan.Edits.Count == 1 ? $"'{column}'" : $"'{column}' and {plan.Edits.Count - 1} more column(s)";
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Add {columns} as nullable, backfill, then make {(plan.Edits.Count == 1 ? "it" : "them")} NOT NULL (new migration files)",
                    cancellationToken => plan.InNewFilesAsync(context.Document, cancellationToken),
                    NewFilesKey),
                diagnostic);
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Add {columns} as nullable, backfill, then make {(plan.Edits.Count == 1 ? "it" : "them")} NOT NULL (new migrations in the same file)",
                    cancellationToken => plan.InSameFileAsync(context.Document, cancellationToken),
                    SameFileKey),
                diagnostic);
        }
    }

    private static string? ColumnOf(Diagnostic diagnostic)
        => diagnostic.Properties.TryGetValue(NotNullColumnWithoutDefaultAnalyzer.ColumnProperty, out var column) ? column : null;

    /// <summary>
    /// The dialect of the backfill SQL: the target database the rule decided, with the project's settings
    /// (rules/target-database.md), not the provider package it references. Null when unknown: no fix, and MIG1030's message says why.
    /// </summary>
    private static DatabaseProvider? Provider(Project project, Compilation compilation, INamedTypeSymbol type)
        => MigrationAnalyzers.Databases.TargetDatabasePolicy.ResolveForType(compilation, project.AnalyzerOptions, type) is { IsKnown: true } target
            ? target.Provider
            : null;
}
