using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using MigrationAnalyzers.CodeFixes.Infrastructure;
using MigrationAnalyzers.CodeFixes.NewMigrations;
using MigrationAnalyzers.Descriptors;

namespace MigrationAnalyzers.CodeFixes.Migrations;

/// <summary>
/// MIG1130 (PostgreSQL): build the constraint's unique index concurrently in the original migration, then adopt it as the
/// constraint (<c>USING INDEX</c>) in a following migration. MIG1130 is reported only where PostgreSQL is the target, so
/// the SQL is PostgreSQL's. Offered as a new file (IDE) and in the same file (what Fix All and dotnet format write); not
/// offered when Up does more than add the constraint, Down more than drop it, an argument is not a literal the fix can
/// read, a primary key's columns may hold NULL, or another migration already follows directly.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UniqueConstraintUsingIndexCodeFix)), Shared]
public sealed class UniqueConstraintUsingIndexCodeFix : CodeFixProvider
{
    public const string NewFilesKey = "MIG1130.UsingIndexNewFiles";
    public const string SameFileKey = "MIG1130.UsingIndexSameFile";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.UniqueConstraintWithoutIndex);

    public override FixAllProvider GetFixAllProvider() => OneByOneFixAllProvider.ForFollowingMigrations(SameFileKey);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (ConstraintOf(diagnostic) is not { } constraint
                || await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false) is not { } model
                || await MigrationTypeAt.DiagnosticAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false) is not { } type
                || UniqueConstraintUsingIndex.TryPlan(model.Compilation, type, constraint) is not { } plan)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create($"Build the index of '{constraint}' concurrently, then add the constraint using it in a following migration (new migration file)", ct => plan.InNewFilesAsync(context.Document, ct), NewFilesKey),
                diagnostic);
            context.RegisterCodeFix(
                CodeAction.Create($"Build the index of '{constraint}' concurrently, then add the constraint using it in a following migration (same file)", ct => plan.InSameFileAsync(context.Document, ct), SameFileKey),
                diagnostic);
        }
    }

    /// <summary>The constraint's name, carried as a property (raw SQL has none, and gets no fix).</summary>
    private static string? ConstraintOf(Diagnostic diagnostic)
        => diagnostic.Properties.TryGetValue(MigrationAnalyzers.Rules.Migrations.PostgresConstraintAnalyzer.ConstraintProperty, out var name) ? name : null;
}
