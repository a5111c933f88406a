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
/// MIG1120 (PostgreSQL): add the foreign key or check constraint NOT VALID, then VALIDATE CONSTRAINT in a following
/// migration. MIG1120 is reported only where PostgreSQL is the target, so the SQL is PostgreSQL's. Offered as a new file
/// (IDE) and in the same file (what Fix All and dotnet format write); not offered when an argument is not a literal the
/// fix can read, or when another migration already follows directly.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NotValidConstraintCodeFix)), Shared]
public sealed class NotValidConstraintCodeFix : CodeFixProvider
{
    public const string NewFilesKey = "MIG1120.NotValidNewFiles";
    public const string SameFileKey = "MIG1120.NotValidSameFile";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ConstraintValidatedAtOnce);

    public override FixAllProvider GetFixAllProvider() => OneByOneFixAllProvider.ForFollowingMigrations(SameFileKey);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (ConstraintOf(diagnostic) is not { } constraint
                || await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false) is not { } model
                || await MigrationTypeAt.DiagnosticAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false) is not { } type
                || NotValidConstraint.TryPlan(model.Compilation, type, constraint) is not { } plan)
            {
                continue;
            }

            var what = plan.Edits.Count == 1 ? $"'{constraint}'" : $"'{constraint}' and {plan.Edits.Count - 1} more constraint(s)";
            context.RegisterCodeFix(
                CodeAction.Create($"Add {what} NOT VALID, then validate in a following migration (new migration file)", ct => plan.InNewFilesAsync(context.Document, ct), NewFilesKey),
                diagnostic);
            context.RegisterCodeFix(
                CodeAction.Create($"Add {what} NOT VALID, then validate in a following migration (same file)", ct => plan.InSameFileAsync(context.Document, ct), SameFileKey),
                diagnostic);
        }
    }

    /// <summary>The constraint's name, the second message argument of MIG1120 (carried as a property).</summary>
    private static string? ConstraintOf(Diagnostic diagnostic)
        => diagnostic.Properties.TryGetValue(MigrationAnalyzers.Rules.Migrations.PostgresConstraintAnalyzer.ConstraintProperty, out var name) ? name : null;
}
