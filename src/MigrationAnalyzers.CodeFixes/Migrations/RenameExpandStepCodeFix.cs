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
using MigrationAnalyzers.Reading;

namespace MigrationAnalyzers.CodeFixes.Migrations;

/// <summary>
/// MIG1040: replace a one-step column rename by its expand step (add the new column; in a migration of its own, the
/// triggers that keep both columns in step; in the next one, the copy; keep the old column). Offered as a new file (IDE) and in the same file (Fix All, dotnet format).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RenameExpandStepCodeFix)), Shared]
public sealed class RenameExpandStepCodeFix : CodeFixProvider
{
    public const string NewFileKey = "MIG1040.ExpandStepNewFile";
    public const string SameFileKey = "MIG1040.ExpandStepSameFile";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.OneStepRename);

    public override FixAllProvider GetFixAllProvider() => OneByOneFixAllProvider.ForFollowingMigrations(SameFileKey);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false) is not { } model
                || await MigrationTypeAt.DiagnosticAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false) is not { } type
                || MigrationCatalog.For(model.Compilation).Get(type) is not { } migration
                || RenameExpandStep.FindRename(migration, operation => operation.Syntax.Span == diagnostic.Location.SourceSpan) is not { } rename
                || RenameExpandStep.TryPlan(model.Compilation, type, RenameExpandStep.KeyOf(rename), Target(context.Document.Project, model.Compilation, type)) is not { } plan)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Add '{rename.NewName}', keep it in step with '{rename.Name}' by trigger and copy the rows, in new migration files (keep '{rename.Name}' for now)",
                    cancellationToken => plan.InNewFilesAsync(context.Document, cancellationToken),
                    NewFileKey),
                diagnostic);
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Add '{rename.NewName}', keep it in step with '{rename.Name}' by trigger and copy the rows, in new migrations in the same file (keep '{rename.Name}' for now)",
                    cancellationToken => plan.InSameFileAsync(context.Document, cancellationToken),
                    SameFileKey),
                diagnostic);
        }
    }

    /// <summary>The dialect of the triggers and the copy: the target database the rule decided, with the project's settings.</summary>
    private static TargetDatabase Target(Project project, Compilation compilation, INamedTypeSymbol type)
        => MigrationAnalyzers.Databases.TargetDatabasePolicy.ResolveForType(compilation, project.AnalyzerOptions, type);
}
