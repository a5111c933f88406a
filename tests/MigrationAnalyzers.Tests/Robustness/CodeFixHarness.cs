using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Robustness;

/// <summary>
/// Runs every code fix of the package (found by reflection) on every diagnostic it claims, in a real workspace, and checks
/// what a user relies on: the fix never throws, its output has no new compiler error, applying it again changes nothing,
/// and FixAll gives the same code as fixing one by one where the fixes do not overlap.
/// </summary>
public sealed class CodeFixHarness
{
    public static readonly ImmutableArray<CodeFixProvider> CodeFixes = ExtensionDiscovery.CodeFixes();

    private readonly ImmutableArray<MetadataReference> _references;
    private readonly AnalyzerOptions _options = TestAnalyzerConfig.Create(Infrastructure.TestDeployment.RollingOptions());
    private readonly List<string> _failures = new();
    private readonly List<string> _knownIssues = new();
    private readonly IReadOnlyDictionary<string, string> _knownFixAllDifferences;

    /// <param name="knownFixAllDifferences">Providers whose FixAll is known to differ from one by one (type name → why):
    /// reported in <see cref="KnownIssues"/> rather than failing, so a known gap stays visible without blocking every build.</param>
    public CodeFixHarness(ImmutableArray<MetadataReference> references, IReadOnlyDictionary<string, string>? knownFixAllDifferences = null)
    {
        _references = references;
        _knownFixAllDifferences = knownFixAllDifferences ?? new Dictionary<string, string>();
    }

    public IReadOnlyList<string> Failures => _failures;

    public IReadOnlyList<string> KnownIssues => _knownIssues;

    /// <summary>How many fixes were applied and checked, so a test can tell "nothing to check" from "all good".</summary>
    public int FixesChecked { get; private set; }

    /// <summary>How many (document, equivalence key) groups had FixAll compared with fixing one by one.</summary>
    public int FixAllGroupsChecked { get; private set; }

    /// <summary>
    /// Every fix on every diagnostic of <paramref name="unit"/>. With <paramref name="checkResults"/> off (edited, broken code)
    /// only exceptions count; on intact code the output is checked too.
    /// </summary>
    public async Task RunAsync(string name, FuzzUnit unit, bool checkResults)
    {
        if (CodeFixes.IsEmpty)
        {
            return;
        }

        var project = CreateProject(unit);
        var (diagnostics, analyzerFailures) = await AnalyzeAsync(project);
        _failures.AddRange(analyzerFailures.Select(f => $"{name}: {f}"));
        var errorsBefore = await ErrorsAsync(project);

        foreach (var provider in CodeFixes)
        {
            var fixable = diagnostics.Where(d => provider.FixableDiagnosticIds.Contains(d.Id) && d.Location.IsInSource).ToList();
            foreach (var diagnostic in fixable)
            {
                var document = project.GetDocument(diagnostic.Location.SourceTree)!;
                foreach (var action in await FixesAsync(provider, document, diagnostic, name))
                {
                    var changed = await ApplyAsync(action, project.Solution, $"{name}: {provider.GetType().Name} '{action.Title}' on {diagnostic.Id} at {diagnostic.Location.GetLineSpan()}");
                    if (changed is null || !checkResults)
                    {
                        continue;
                    }

                    FixesChecked++;
                    var where = $"{name}: {provider.GetType().Name} '{action.Title}' for {diagnostic.Id} at {diagnostic.Location.GetLineSpan()}";
                    var fixedProject = changed.GetProject(project.Id)!;
                    var newErrors = Subtract(await ErrorsAsync(fixedProject), errorsBefore);
                    if (newErrors.Count > 0)
                    {
                        _failures.Add($"{where}: the fix introduced compiler errors:\n  " + string.Join("\n  ", newErrors.Take(5)));
                    }

                    await CheckIdempotentAsync(provider, action, diagnostic, document, fixedProject, where);
                }
            }

            if (checkResults)
            {
                await CheckFixAllAsync(provider, project, fixable, name);
            }
        }
    }

    private Project CreateProject(FuzzUnit unit)
    {
        var workspace = new AdhocWorkspace();
        var compilationOptions = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
            .WithSpecificDiagnosticOptions(ExtensionDiscovery.AllDiagnosticIds(AnalyzerHarness.Analyzers).Select(id => new KeyValuePair<string, ReportDiagnostic>(id, ReportDiagnostic.Warn)));
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            projectId, VersionStamp.Default, "Fuzz", "Fuzz", LanguageNames.CSharp,
            compilationOptions: compilationOptions,
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: _references));
        foreach (var (path, text) in unit.Files)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), System.IO.Path.GetFileName(path), SourceText.From(text), filePath: path);
        }

        return solution.GetProject(projectId)!;
    }

    private async Task<(ImmutableArray<Diagnostic>, IReadOnlyList<string>)> AnalyzeAsync(Project project)
        => await AnalyzerHarness.AnalyzeAsync((await project.GetCompilationAsync())!, _options);

    private static async Task<List<string>> ErrorsAsync(Project project)
        => (await project.GetCompilationAsync())!.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.Id + ": " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))
            .ToList();

    private static List<string> Subtract(List<string> after, List<string> before)
    {
        var remaining = before.GroupBy(e => e).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var added = new List<string>();
        foreach (var error in after)
        {
            if (remaining.TryGetValue(error, out var count) && count > 0)
            {
                remaining[error] = count - 1;
            }
            else
            {
                added.Add(error);
            }
        }

        return added;
    }

    /// <summary>The actions a provider offers for one diagnostic, nested ones flattened.</summary>
    private async Task<List<CodeAction>> FixesAsync(CodeFixProvider provider, Document document, Diagnostic diagnostic, string name)
    {
        var actions = new List<CodeAction>();
        try
        {
            var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
            await provider.RegisterCodeFixesAsync(context);
        }
        catch (Exception exception)
        {
            _failures.Add($"{name}: {provider.GetType().Name}.RegisterCodeFixesAsync threw on {diagnostic.Id} at {diagnostic.Location.GetLineSpan()}: {exception}");
        }

        return actions.SelectMany(Flatten).ToList();
    }

    private static IEnumerable<CodeAction> Flatten(CodeAction action)
    {
        // Nested actions are public only in newer Roslyn versions; read them either way.
        var property = typeof(CodeAction).GetProperty("NestedActions", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            ?? typeof(CodeAction).GetProperty("NestedCodeActions", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance);
        var nested = property?.GetValue(action) is ImmutableArray<CodeAction> { IsDefaultOrEmpty: false } children ? children : ImmutableArray<CodeAction>.Empty;
        return nested.IsEmpty ? new[] { action } : nested.SelectMany(Flatten);
    }

    private async Task<Solution?> ApplyAsync(CodeAction action, Solution solution, string where)
    {
        try
        {
            var operations = await action.GetOperationsAsync(CancellationToken.None);
            return operations.OfType<ApplyChangesOperation>().LastOrDefault()?.ChangedSolution;
        }
        catch (Exception exception)
        {
            _failures.Add($"{where}: computing the fix threw {exception}");
            return null;
        }
    }

    /// <summary>After the fix, no diagnostic of the same rule at the fixed place may still be offered the same fix.</summary>
    private async Task CheckIdempotentAsync(CodeFixProvider provider, CodeAction action, Diagnostic diagnostic, Document before, Project fixedProject, string where)
    {
        var after = fixedProject.GetDocument(before.Id)!;
        var changes = (await after.GetTextChangesAsync(before)).ToList();
        var region = MapSpan(diagnostic.Location.SourceSpan, changes);
        var tree = await after.GetSyntaxTreeAsync();
        var (diagnostics, _) = await AnalyzeAsync(fixedProject);
        // Diagnostics nested in the fixed one, or the fixed one nested in another (EndsWith on a LastIndexOf result), are
        // other diagnostics left for their own fix: they are told apart by being strictly inside the fixed region, or
        // strictly around it when such an enclosing diagnostic was there before the fix.
        var (diagnosticsBefore, _) = await AnalyzeAsync(before.Project);
        var enclosedBefore = diagnosticsBefore.Any(d => d.Id == diagnostic.Id && d.Location.SourceTree == diagnostic.Location.SourceTree
            && d.Location.SourceSpan.Contains(diagnostic.Location.SourceSpan) && d.Location.SourceSpan != diagnostic.Location.SourceSpan);
        foreach (var again in diagnostics.Where(d => d.Id == diagnostic.Id && d.Location.SourceTree == tree && d.Location.SourceSpan.IntersectsWith(region)
            && !(region.Contains(d.Location.SourceSpan) && d.Location.SourceSpan != region)
            && !(enclosedBefore && d.Location.SourceSpan.Contains(region) && d.Location.SourceSpan != region)))
        {
            var offered = new List<CodeAction>();
            await provider.RegisterCodeFixesAsync(new CodeFixContext(after, again, (a, _) => offered.Add(a), CancellationToken.None));
            if (offered.SelectMany(Flatten).Any(a => a.EquivalenceKey == action.EquivalenceKey))
            {
                _failures.Add($"{where}: not idempotent, {diagnostic.Id} is still reported at {again.Location.GetLineSpan()} and the same fix is offered again");
            }
        }
    }

    /// <summary>Where a span of the old text lies in the new one, widened to every edit that touches it.</summary>
    private static TextSpan MapSpan(TextSpan span, List<TextChange> changes)
    {
        int Map(int position)
        {
            var delta = 0;
            foreach (var change in changes)
            {
                if (change.Span.End <= position)
                {
                    delta += change.NewText!.Length - change.Span.Length;
                }
                else if (change.Span.Start < position)
                {
                    return change.Span.Start + delta + change.NewText!.Length;
                }
            }

            return position + delta;
        }

        var start = Map(span.Start);
        var end = Math.Max(start, Map(span.End));
        var shift = 0;
        foreach (var change in changes)
        {
            var newStart = change.Span.Start + shift;
            var newEnd = newStart + change.NewText!.Length;
            if (change.Span.Start <= span.End && change.Span.End >= span.Start)
            {
                start = Math.Min(start, newStart);
                end = Math.Max(end, newEnd);
            }

            shift += change.NewText.Length - change.Span.Length;
        }

        return TextSpan.FromBounds(start, Math.Max(start + 1, end));
    }

    /// <summary>FixAll in a document equals applying the same fix one diagnostic at a time, when no two fixes touch the same text.</summary>
    private async Task CheckFixAllAsync(CodeFixProvider provider, Project project, List<Diagnostic> fixable, string name)
    {
        var fixAll = provider.GetFixAllProvider();
        if (fixAll is null)
        {
            return;
        }

        foreach (var inDocument in fixable.GroupBy(d => d.Location.SourceTree))
        {
            var document = project.GetDocument(inDocument.Key)!;
            var byKey = new Dictionary<string, List<(Diagnostic Diagnostic, List<TextChange> Changes)>>(StringComparer.Ordinal);
            var addsDocuments = new HashSet<string>(StringComparer.Ordinal);
            foreach (var diagnostic in inDocument)
            {
                foreach (var action in await FixesAsync(provider, document, diagnostic, name))
                {
                    if (action.EquivalenceKey is null || await ApplyAsync(action, project.Solution, name) is not { } changed)
                    {
                        continue;
                    }

                    if (changed.GetProject(project.Id)!.DocumentIds.Count != project.DocumentIds.Count)
                    {
                        addsDocuments.Add(action.EquivalenceKey);
                    }

                    var changes = (await changed.GetDocument(document.Id)!.GetTextChangesAsync(document)).ToList();
                    if (!byKey.TryGetValue(action.EquivalenceKey, out var list))
                    {
                        byKey[action.EquivalenceKey] = list = new();
                    }

                    list.Add((diagnostic, changes));
                }
            }

            foreach (var (key, fixes) in byKey)
            {
                // An edit every fix makes alike (the same using directive added) is shared, not a conflict.
                var distinct = fixes.SelectMany(f => f.Changes).Distinct().Select(c => c.Span).ToList();
                // A fix that adds files has a Fix All that writes the same-file shape instead (dotnet format does not write
                // added documents), so its text is compared under the same-file fix's key, not this one.
                if (fixes.Count < 2 || Overlap(distinct) || addsDocuments.Contains(key))
                {
                    continue;
                }

                var ids = fixes.Select(f => f.Diagnostic.Id).Distinct().ToList();
                var where = $"{name}: {provider.GetType().Name} FixAll '{key}' on {fixes.Count} diagnostics in {document.FilePath}";
                string? together;
                try
                {
                    var context = new FixAllContext(document, provider, FixAllScope.Document, key, ids, new AnalyzerDiagnostics(this), CancellationToken.None);
                    var action = await fixAll.GetFixAsync(context);
                    together = action is null ? null : await TextOfAsync(await ApplyAsync(action, project.Solution, where), document.Id);
                }
                catch (Exception exception)
                {
                    _failures.Add($"{where}: FixAll threw {exception}");
                    continue;
                }

                FixAllGroupsChecked++;
                var oneByOne = await FixOneByOneAsync(provider, project, document.Id, ids, key, fixes.Count, name);
                if (together is null || oneByOne is null)
                {
                    _failures.Add($"{where}: FixAll offered {(together is null ? "nothing" : "a fix")}, one by one {(oneByOne is null ? "nothing" : "fixes")}");
                }
                else if (Normalize(together) != Normalize(oneByOne))
                {
                    (_knownFixAllDifferences.ContainsKey(provider.GetType().Name) ? _knownIssues : _failures).Add($"{where}: FixAll differs from fixing one by one.\n--- FixAll:\n{together}\n--- one by one:\n{oneByOne}");
                }
            }
        }
    }

    private async Task<string?> FixOneByOneAsync(CodeFixProvider provider, Project project, DocumentId documentId, List<string> ids, string key, int count, string name)
    {
        var current = project;
        var applied = 0;
        for (var round = 0; round < count + 2; round++)
        {
            var document = current.GetDocument(documentId)!;
            var tree = await document.GetSyntaxTreeAsync();
            var (diagnostics, _) = await AnalyzeAsync(current);
            Solution? next = null;
            foreach (var diagnostic in diagnostics.Where(d => ids.Contains(d.Id) && d.Location.SourceTree == tree).OrderBy(d => d.Location.SourceSpan.Start))
            {
                var action = (await FixesAsync(provider, document, diagnostic, name)).FirstOrDefault(a => a.EquivalenceKey == key);
                if (action is not null && (next = await ApplyAsync(action, current.Solution, name)) is not null)
                {
                    break;
                }
            }

            if (next is null)
            {
                break;
            }

            current = next.GetProject(project.Id)!;
            applied++;
        }

        return applied == 0 ? null : (await current.GetDocument(documentId)!.GetTextAsync()).ToString();
    }

    private static bool Overlap(List<TextSpan> spans)
    {
        var ordered = spans.OrderBy(s => s.Start).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            // Touching edits count as overlapping: two insertions at one place may come out in either order.
            if (ordered[i].Start <= ordered[i - 1].End)
            {
                return true;
            }
        }

        return false;
    }

    private static async Task<string?> TextOfAsync(Solution? solution, DocumentId id)
        => solution?.GetDocument(id) is { } document ? (await document.GetTextAsync()).ToString() : null;

    private static string Normalize(string text) => Regex.Replace(text, @"\s+", " ").Trim();

    /// <summary>What FixAll asks for: our analyzers' diagnostics in a document or a project.</summary>
    private sealed class AnalyzerDiagnostics : FixAllContext.DiagnosticProvider
    {
        private readonly CodeFixHarness _harness;

        public AnalyzerDiagnostics(CodeFixHarness harness) => _harness = harness;

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            var (diagnostics, _) = await _harness.AnalyzeAsync(document.Project);
            return diagnostics.Where(d => d.Location.SourceTree == tree);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => (await _harness.AnalyzeAsync(project)).Item1;
    }
}
