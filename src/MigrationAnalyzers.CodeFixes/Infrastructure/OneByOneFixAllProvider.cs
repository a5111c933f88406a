using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace MigrationAnalyzers.CodeFixes.Infrastructure;

/// <summary>
/// The Fix All of every fix in the package: each diagnostic gets its own fix, applied one at a time on the current
/// version of the solution, in a fixed order (file path, span start, span end, ID, message).
/// <para>
/// Why not the batch fixer: it keeps only the fixes whose equivalence key equals the one Fix All was started from, and
/// <c>dotnet format</c> takes that key from whichever diagnostic it happens to see first; when that one has no fix,
/// nothing is fixed at all. It also merges edits computed on the original text, so fixes that change the history (and
/// with it the diagnostics of later migrations) were computed on a stale version. Here the starting key is ignored,
/// and after every fix the diagnostics are computed again on the updated solution, so each fix sees the work of the
/// fixes before it and the result does not depend on where Fix All was started or in which order the host handed
/// over the diagnostics.
/// </para>
/// </summary>
internal sealed class OneByOneFixAllProvider : FixAllProvider
{
    /// <summary>Applies the first fix a diagnostic is offered.</summary>
    public static readonly OneByOneFixAllProvider Instance = new(null);

    private OneByOneFixAllProvider(string? followingMigrationsKey) => FollowingMigrationsKey = followingMigrationsKey;

    /// <summary>
    /// For a fix that writes migrations right after the original, offered in several shapes: the action with this key
    /// is the one bulk fixing applies (the same-file shape: <c>dotnet format</c> does not write documents a fix adds),
    /// and <see cref="BulkFixOrder"/> decides between it and other rules' fixes that write migrations there.
    /// </summary>
    public static OneByOneFixAllProvider ForFollowingMigrations(string sameFileKey) => new(sameFileKey);

    /// <summary>The equivalence key of the action that writes the following migrations; null for other fixes.</summary>
    public string? FollowingMigrationsKey { get; }

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
        => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

    public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        var title = fixAllContext.Scope switch
        {
            FixAllScope.Document => "Fix all in document",
            FixAllScope.Project => "Fix all in project",
            _ => "Fix all in solution",
        };
        return Task.FromResult<CodeAction?>(CodeAction.Create(
            title,
            cancellationToken => FixAllAsync(fixAllContext, cancellationToken),
            fixAllContext.CodeActionEquivalenceKey));
    }

    /// <summary>The fix bulk fixing applies to one diagnostic, or null when it applies none (see <see cref="BulkFixOrder"/>).</summary>
    public Task<CodeAction?> OwnFixAsync(CodeFixProvider provider, Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        => BulkFixOrder.ActionAsync(provider, document, diagnostic, cancellationToken);

    private async Task<Solution> FixAllAsync(FixAllContext context, CancellationToken cancellationToken)
    {
        var ids = context.DiagnosticIds.ToImmutableHashSet(StringComparer.Ordinal);
        var scope = context.Scope == FixAllScope.Solution
            ? context.Solution.Projects.OrderBy(project => project.FilePath ?? project.Name, StringComparer.Ordinal).ThenBy(project => project.Name, StringComparer.Ordinal).Select(project => project.Id).ToList()
            : new List<ProjectId> { context.Project.Id };
        var onlyDocument = context.Scope == FixAllScope.Document ? context.Document?.Id : null;

        var solution = context.Solution;
        foreach (var projectId in scope)
        {
            solution = await FixProjectAsync(context.CodeFixProvider, solution, projectId, onlyDocument, ids, cancellationToken).ConfigureAwait(false);
        }

        return solution;
    }

    /// <summary>
    /// Fixes the first diagnostic (in the fixed order) whose fix changes something, analyzes again, and repeats. A
    /// diagnostic without a fix, or whose fix changes nothing, is passed over on that version only. The bound stops a
    /// fix that keeps reporting itself (the fix gate fails such a fix as not idempotent).
    /// </summary>
    private async Task<Solution> FixProjectAsync(CodeFixProvider provider, Solution solution, ProjectId projectId, DocumentId? onlyDocument, ImmutableHashSet<string> ids, CancellationToken cancellationToken)
    {
        int? bound = null;
        for (var applied = 0; bound is null || applied < bound; applied++)
        {
            if (solution.GetProject(projectId) is not { } project)
            {
                break;
            }

            var diagnostics = Ordered(await CurrentDiagnostics.OfAsync(project, ids, onlyDocument, cancellationToken).ConfigureAwait(false));
            bound ??= (2 * diagnostics.Count) + 4;
            Solution? next = null;
            foreach (var diagnostic in diagnostics)
            {
                if (project.GetDocument(diagnostic.Location.SourceTree) is not { } document
                    || await OwnFixAsync(provider, document, diagnostic, cancellationToken).ConfigureAwait(false) is not { } action)
                {
                    continue;
                }

                var changed = await ApplyAsync(action, solution, cancellationToken).ConfigureAwait(false);
                if (changed is not null && changed.GetChanges(solution).GetProjectChanges().Any())
                {
                    next = changed;
                    break;
                }
            }

            if (next is null)
            {
                break;
            }

            solution = next;
        }

        return solution;
    }

    private static async Task<Solution?> ApplyAsync(CodeAction action, Solution solution, CancellationToken cancellationToken)
    {
        var operations = await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
        return operations.OfType<ApplyChangesOperation>().LastOrDefault()?.ChangedSolution is { } changed && changed != solution ? changed : null;
    }

    /// <summary>The fixed order: file path, span start, span end, ID, message; then the properties, so that equal places still compare.</summary>
    public static List<Diagnostic> Ordered(IEnumerable<Diagnostic> diagnostics)
        => diagnostics
            .OrderBy(d => d.Location.SourceTree?.FilePath ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Location.SourceSpan.End)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ThenBy(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal)
            .ThenBy(d => string.Join(";", d.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value)), StringComparer.Ordinal)
            .ToList();
}
