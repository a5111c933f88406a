using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using MigrationAnalyzers.Databases;
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
    private readonly List<string> _failures = new();
    private readonly List<string> _knownIssues = new();
    private readonly IReadOnlyDictionary<string, string> _knownFixAllDifferences;
    private readonly IReadOnlyDictionary<(string Provider, string Id, DatabaseProvider Target), string> _allowedNewDiagnostics;
    private readonly SortedSet<string> _reached = new(StringComparer.Ordinal);

    /// <param name="knownFixAllDifferences">Providers whose FixAll is known to differ from one by one (type name → why):
    /// reported in <see cref="KnownIssues"/> rather than failing, so a known gap stays visible without blocking every build.</param>
    /// <param name="allowedNewDiagnostics">(provider type name, MIG ID, target database of the migration the diagnostic is
    /// in) → the rule page's statement that the fix leaves that diagnostic behind on purpose on that database; any other
    /// MIG diagnostic that is more frequent after a fix fails.</param>
    public CodeFixHarness(ImmutableArray<MetadataReference> references, IReadOnlyDictionary<string, string>? knownFixAllDifferences = null,
        IReadOnlyDictionary<(string Provider, string Id, DatabaseProvider Target), string>? allowedNewDiagnostics = null)
    {
        _references = references;
        _knownFixAllDifferences = knownFixAllDifferences ?? new Dictionary<string, string>();
        _allowedNewDiagnostics = allowedNewDiagnostics ?? new Dictionary<(string, string, DatabaseProvider), string>();
    }

    /// <summary>The providers (type names) that offered a fix on at least one intact input.</summary>
    public IReadOnlyCollection<string> Reached => _reached;

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
                var actions = await FixesAsync(provider, document, diagnostic, name);
                if (checkResults && actions.Count > 0)
                {
                    _reached.Add(provider.GetType().Name);
                }

                foreach (var action in actions)
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

                    var (diagnosticsAfter, _) = await AnalyzeAsync(fixedProject);
                    await CheckNoNewDiagnosticsAsync(provider, project, diagnostics, fixedProject, diagnosticsAfter, where);
                    await CheckIdempotentAsync(provider, action, diagnostic, document, fixedProject, diagnosticsAfter, where);
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
        // The settings live in the project (a .globalconfig), so the analyzers, the fixes and their Fix All all read them.
        var settings = Infrastructure.TestDeployment.Rolling;
        foreach (var (path, text) in unit.Files)
        {
            if (path.EndsWith(".globalconfig", StringComparison.Ordinal))
            {
                settings += text.Replace("is_global = true", string.Empty, StringComparison.Ordinal) + "\n";
                continue;
            }

            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), System.IO.Path.GetFileName(path), SourceText.From(text), filePath: path);
        }

        solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".globalconfig", SourceText.From(settings), filePath: Infrastructure.TestDeployment.GlobalConfigPath);

        return solution.GetProject(projectId)!;
    }

    /// <summary>Analyzed with the project's own analyzer options (its .globalconfig), as the fixes' Fix All analyzes it.</summary>
    private static async Task<(ImmutableArray<Diagnostic>, IReadOnlyList<string>)> AnalyzeAsync(Project project)
        => await AnalyzerHarness.AnalyzeAsync((await project.GetCompilationAsync())!, project.AnalyzerOptions);

    /// <summary>
    /// No MIG diagnostic is more frequent after the fix than before, unless the rule page says the fix leaves it on the
    /// target database of the migrations it is in: an allowance for one database does not cover the same ID on another.
    /// </summary>
    private async Task CheckNoNewDiagnosticsAsync(CodeFixProvider provider, Project project, ImmutableArray<Diagnostic> before, Project fixedProject, ImmutableArray<Diagnostic> after, string where)
    {
        var counts = before.Where(d => d.Id.StartsWith("MIG", StringComparison.Ordinal)).GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var group in after.Where(d => d.Id.StartsWith("MIG", StringComparison.Ordinal)).GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var was = counts.TryGetValue(group.Key, out var count) ? count : 0;
            if (group.Count() <= was)
            {
                continue;
            }

            // More of this ID: counted again per target database, and only where no allowance covers that database.
            var wasOn = await CountByTargetAsync(project, before.Where(d => d.Id == group.Key));
            foreach (var (target, now) in await CountByTargetAsync(fixedProject, group))
            {
                var then = wasOn.TryGetValue(target, out var c) ? c : 0;
                if (now > then && !_allowedNewDiagnostics.ContainsKey((provider.GetType().Name, group.Key, target)))
                {
                    _failures.Add($"{where}: the fix added {group.Key} on target {target} ({then} before, {now} after):\n  "
                        + string.Join("\n  ", group.Select(d => d.Location.GetLineSpan() + ": " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).Take(3)));
                }
            }
        }
    }

    private static async Task<Dictionary<DatabaseProvider, int>> CountByTargetAsync(Project project, IEnumerable<Diagnostic> diagnostics)
    {
        var counts = new Dictionary<DatabaseProvider, int>();
        foreach (var diagnostic in diagnostics)
        {
            var target = await TargetOfAsync(project, diagnostic);
            counts[target] = (counts.TryGetValue(target, out var count) ? count : 0) + 1;
        }

        return counts;
    }

    /// <summary>The target database the rules decided for the migration (else the file) a diagnostic is in, with the project's settings.</summary>
    private static async Task<DatabaseProvider> TargetOfAsync(Project project, Diagnostic diagnostic)
    {
        var compilation = (await project.GetCompilationAsync())!;
        if (diagnostic.Location.SourceTree is not { } tree || !compilation.ContainsSyntaxTree(tree))
        {
            return DatabaseProvider.Unknown;
        }

        var declaration = (await tree.GetRootAsync()).FindNode(diagnostic.Location.SourceSpan).AncestorsAndSelf().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax>().LastOrDefault();
        var type = declaration is null ? null : compilation.GetSemanticModel(tree).GetDeclaredSymbol(declaration);
        return (type is null
            ? MigrationAnalyzers.Databases.TargetDatabasePolicy.ResolveForTree(compilation, project.AnalyzerOptions, tree)
            : MigrationAnalyzers.Databases.TargetDatabasePolicy.ResolveForType(compilation, project.AnalyzerOptions, type)).Provider;
    }

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
    private async Task CheckIdempotentAsync(CodeFixProvider provider, CodeAction action, Diagnostic diagnostic, Document before, Project fixedProject, ImmutableArray<Diagnostic> diagnostics, string where)
    {
        var after = fixedProject.GetDocument(before.Id)!;
        var changes = (await after.GetTextChangesAsync(before)).ToList();
        var region = MapSpan(diagnostic.Location.SourceSpan, changes);
        var tree = await after.GetSyntaxTreeAsync();
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

    /// <summary>
    /// FixAll in document, project and solution scope gives exactly the text (whitespace included) of fixing one
    /// diagnostic at a time in the fixed order, each with its own fix, analyzing again after every fix.
    /// </summary>
    private async Task CheckFixAllAsync(CodeFixProvider provider, Project project, List<Diagnostic> fixable, string name)
    {
        if (provider.GetFixAllProvider() is not { } fixAll)
        {
            _failures.Add($"{name}: {provider.GetType().Name} has no Fix All");
            return;
        }

        var offered = new List<(Diagnostic Diagnostic, CodeAction Action)>();
        foreach (var diagnostic in fixable)
        {
            if (await OwnFixAsync(provider, project.GetDocument(diagnostic.Location.SourceTree)!, diagnostic) is { } action)
            {
                offered.Add((diagnostic, action));
            }
        }

        if (offered.Count == 0)
        {
            return;
        }

        var ids = provider.FixableDiagnosticIds.ToList();
        foreach (var inDocument in offered.GroupBy(o => o.Diagnostic.Location.SourceTree))
        {
            var document = project.GetDocument(inDocument.Key)!;
            var first = inDocument.First();
            await CompareAsync(FixAllScope.Document, document, first.Action.EquivalenceKey, document.Id);
        }

        var start = offered[0];
        foreach (var scope in new[] { FixAllScope.Project, FixAllScope.Solution })
        {
            await CompareAsync(scope, project.GetDocument(start.Diagnostic.Location.SourceTree)!, start.Action.EquivalenceKey, null);
        }

        async Task CompareAsync(FixAllScope scope, Document document, string? key, DocumentId? onlyDocument)
        {
            var where = $"{name}: {provider.GetType().Name} FixAll in {scope} from '{key}' in {document.FilePath}";
            string? together;
            try
            {
                var context = new FixAllContext(document, provider, scope, key, ids, new AnalyzerDiagnostics(this), CancellationToken.None);
                var action = await fixAll.GetFixAsync(context);
                together = action is null ? null : await TextsOfAsync(await ApplyAsync(action, project.Solution, where), project.Id);
            }
            catch (Exception exception)
            {
                _failures.Add($"{where}: FixAll threw {exception}");
                return;
            }

            FixAllGroupsChecked++;
            var oneByOne = await FixOneByOneAsync(provider, project, onlyDocument, ids, name);
            if (together != oneByOne)
            {
                (_knownFixAllDifferences.ContainsKey(provider.GetType().Name) ? _knownIssues : _failures).Add($"{where}: FixAll differs from fixing one by one.\n--- FixAll:\n{together}\n--- one by one:\n{oneByOne}");
            }
        }
    }

    /// <summary>The fix bulk fixing applies to a diagnostic: the provider's Fix All decides which of the offered shapes.</summary>
    private async Task<CodeAction?> OwnFixAsync(CodeFixProvider provider, Document document, Diagnostic diagnostic)
    {
        try
        {
            return provider.GetFixAllProvider() is MigrationAnalyzers.CodeFixes.Infrastructure.OneByOneFixAllProvider bulk
                ? await bulk.OwnFixAsync(provider, document, diagnostic, CancellationToken.None)
                : null;
        }
        catch (Exception exception)
        {
            _failures.Add($"{provider.GetType().Name}.RegisterCodeFixesAsync threw on {diagnostic.Id} at {diagnostic.Location.GetLineSpan()}: {exception}");
            return null;
        }
    }

    /// <summary>
    /// One diagnostic at a time, written here without the provider's Fix All: analyze, take the first diagnostic (file,
    /// span start, span end, ID, message) whose own fix changes the project, apply it, and analyze again.
    /// </summary>
    private async Task<string?> FixOneByOneAsync(CodeFixProvider provider, Project project, DocumentId? onlyDocument, List<string> ids, string name)
    {
        var current = project;
        for (var round = 0; round < 60; round++)
        {
            var onlyTree = onlyDocument is null ? null : await current.GetDocument(onlyDocument)!.GetSyntaxTreeAsync();
            var (diagnostics, _) = await AnalyzeAsync(current);
            var ordered = diagnostics
                .Where(d => ids.Contains(d.Id) && d.Location.IsInSource && (onlyTree is null || d.Location.SourceTree == onlyTree))
                .OrderBy(d => d.Location.SourceTree!.FilePath, StringComparer.Ordinal)
                .ThenBy(d => d.Location.SourceSpan.Start)
                .ThenBy(d => d.Location.SourceSpan.End)
                .ThenBy(d => d.Id, StringComparer.Ordinal)
                .ThenBy(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);
            Solution? next = null;
            foreach (var diagnostic in ordered)
            {
                if (await OwnFixAsync(provider, current.GetDocument(diagnostic.Location.SourceTree)!, diagnostic) is { } action
                    && await ApplyAsync(action, current.Solution, name) is { } changed
                    && changed.GetChanges(current.Solution).GetProjectChanges().Any())
                {
                    next = changed;
                    break;
                }
            }

            if (next is null)
            {
                break;
            }

            current = next.GetProject(project.Id)!;
        }

        return await TextsOfAsync(current.Solution, project.Id);
    }

    /// <summary>Every document of the project, by path, with its whole text.</summary>
    private static async Task<string?> TextsOfAsync(Solution? solution, ProjectId id)
    {
        if (solution?.GetProject(id) is not { } project)
        {
            return null;
        }

        var texts = new List<string>();
        foreach (var document in project.Documents.OrderBy(d => d.FilePath ?? d.Name, StringComparer.Ordinal))
        {
            texts.Add("=== " + (document.FilePath ?? document.Name) + "\n" + (await document.GetTextAsync()).ToString());
        }

        return string.Join("\n", texts);
    }

    /// <summary>What FixAll asks for: our analyzers' diagnostics in a document or a project.</summary>
    private sealed class AnalyzerDiagnostics : FixAllContext.DiagnosticProvider
    {
        private readonly CodeFixHarness _harness;

        public AnalyzerDiagnostics(CodeFixHarness harness) => _harness = harness;

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            var (diagnostics, _) = await AnalyzeAsync(document.Project);
            return diagnostics.Where(d => d.Location.SourceTree == tree);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => (await AnalyzeAsync(project)).Item1;
    }
}
