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
/// MIG1140 (PostgreSQL), for a nullable column whose default rewrites the table: add the column without it, SET DEFAULT
/// for new rows, backfill the existing rows in a following migration. MIG1140 is
/// reported only where PostgreSQL is the target, so the SQL is PostgreSQL's. Offered as new files (IDE) and in the same
/// file (what Fix All and dotnet format write); not for a stored computed column or a NOT NULL column (rules/MIG1140.md
/// says why), a default that is not a literal the fix can read, or when another migration already follows directly.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(VolatileDefaultCodeFix)), Shared]
public sealed class VolatileDefaultCodeFix : CodeFixProvider
{
    public const string NewFilesKey = "MIG1140.BackfillNewFiles";
    public const string SameFileKey = "MIG1140.BackfillSameFile";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.DefaultRewritesTable);

    public override FixAllProvider GetFixAllProvider() => OneByOneFixAllProvider.ForFollowingMigrations(SameFileKey);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DefaultRewritesTableAnalyzer.ColumnProperty, out var column) || column is null
                || await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false) is not { } model
                || await MigrationTypeAt.DiagnosticAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false) is not { } type
                || VolatileDefault.TryPlan(model.Compilation, type, column, TargetDatabasePolicy.ResolveForType(model.Compilation, context.Document.Project.AnalyzerOptions, type).Version) is not { } plan)
            {
                continue;
            }

            // The plan covers every such column of the migration, so the title names them when there are several.
            var what = plan.Edits.Count == 1 ? $"'{column}'" : $"'{column}' and {plan.Edits.Count - 1} more column(s)";
            context.RegisterCodeFix(
                CodeAction.Create($"Add {what} without the default, set it for new rows, backfill in a following migration (new migration file)", ct => plan.InNewFilesAsync(context.Document, ct), NewFilesKey),
                diagnostic);
            context.RegisterCodeFix(
                CodeAction.Create($"Add {what} without the default, set it for new rows, backfill in a following migration (same file)", ct => plan.InSameFileAsync(context.Document, ct), SameFileKey),
                diagnostic);
        }
    }
}
