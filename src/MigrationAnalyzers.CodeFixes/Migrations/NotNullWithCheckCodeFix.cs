using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using MigrationAnalyzers.CodeFixes.Infrastructure;
using MigrationAnalyzers.CodeFixes.NewMigrations;
using MigrationAnalyzers.Descriptors;
using MigrationAnalyzers.Rules.Migrations;

namespace MigrationAnalyzers.CodeFixes.Migrations;

/// <summary>
/// MIG1050 (PostgreSQL 12+), a nullable column made NOT NULL after a backfill: add <c>CHECK (col IS NOT NULL) NOT VALID</c>
/// instead, and in a following migration validate it, make the column NOT NULL (no scan, thanks to the check) and drop
/// the check. Offered only for the diagnostic of that case alone (not with a type change), for EF Core and FluentMigrator
/// (whose Alter.Column restates the type, which scans anyway: there the following migration sets NOT NULL in raw SQL,
/// see <see cref="NotNullWithCheck"/>), as a new file (IDE) and in the same file (what Fix All and dotnet format write);
/// not offered when the change sets anything but the nullability (for FluentMigrator: restates another type than the
/// column's last known definition), an argument is not a literal, Down has no single statement that undoes it, or
/// another migration already follows directly.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NotNullWithCheckCodeFix)), Shared]
public sealed class NotNullWithCheckCodeFix : CodeFixProvider
{
    public const string NewFilesKey = "MIG1050.NotNullWithCheckNewFiles";
    public const string SameFileKey = "MIG1050.NotNullWithCheckSameFile";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.RiskyColumnTypeChange);

    public override FixAllProvider GetFixAllProvider() => OneByOneFixAllProvider.ForFollowingMigrations(SameFileKey);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(RiskyColumnTypeChangeAnalyzer.CaseProperty, out var kind)
                || kind != RiskyColumnTypeChangeAnalyzer.NotNullWithCheckCase
                || await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false) is not { } model
                || await MigrationTypeAt.DiagnosticAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false) is not { } type
                || NotNullWithCheck.TryPlan(model.Compilation, context.Document.Project.AnalyzerOptions, type, diagnostic.Location.SourceSpan) is not { } plan)
            {
                continue;
            }

            var columns = plan.Edits.Count / 2;
            var what = columns == 1 ? "the column" : $"the {columns} columns";
            var span = diagnostic.Location.SourceSpan;
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Check {what} NOT NULL with a NOT VALID constraint, then validate and set NOT NULL in a following migration (new migration file)",
                    async ct => await (await WithLockTimeoutAsync(context.Document, type, span, plan, ct).ConfigureAwait(false)).InNewFilesAsync(context.Document, ct).ConfigureAwait(false),
                    NewFilesKey),
                diagnostic);
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Check {what} NOT NULL with a NOT VALID constraint, then validate and set NOT NULL in a following migration (same file)",
                    async ct => await (await WithLockTimeoutAsync(context.Document, type, span, plan, ct).ConfigureAwait(false)).InSameFileAsync(context.Document, ct).ConfigureAwait(false),
                    SameFileKey),
                diagnostic);
        }
    }

    /// <summary>
    /// The plan again with the lock_timeout MIG1193 asks of the original migration, when it reports it (asked only when
    /// the fix is applied: it runs that analyzer). Without a report the plan stands.
    /// </summary>
    private static async Task<NewMigrationsPlan> WithLockTimeoutAsync(Document document, INamedTypeSymbol type, TextSpan span, NewMigrationsPlan plan, CancellationToken cancellationToken)
    {
        if (plan.Original.Up.Declaration is not { } up
            || await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model)
        {
            return plan;
        }

        var reports = await CurrentDiagnostics.OfAsync(document.Project, ImmutableHashSet.Create(RuleIds.LockingDdlWithoutLockTimeout), document.Id, cancellationToken).ConfigureAwait(false);
        foreach (var report in reports)
        {
            if (up.Span.Contains(report.Location.SourceSpan)
                && report.Properties.TryGetValue(LockingDdlWithoutLockTimeoutAnalyzer.TimeoutProperty, out var timeout)
                && timeout is not null)
            {
                return NotNullWithCheck.TryPlan(model.Compilation, document.Project.AnalyzerOptions, type, span, timeout) ?? plan;
            }
        }

        return plan;
    }
}
