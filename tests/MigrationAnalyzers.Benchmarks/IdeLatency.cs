using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace MigrationAnalyzers.Benchmarks;

/// <summary>What the IDE pays for one migration document: warm, and again after the user edits it.</summary>
/// <remarks><see cref="WarmByAnalyzer"/>: what each analyzer spent on the warm documents, costliest first (telemetry, wall time).</remarks>
internal sealed record IdeLatencyResult(
    string Document, double FullHistoryMs, Warm Warm, double EmptyAnalyzerMedianMs, double AfterEditMs, int WarmDiagnostics, int AfterEditDiagnostics, IReadOnlyList<(string Analyzer, double Ms)> WarmByAnalyzer);

/// <summary>Per-document times of the warm documents: the median is the figure, the fastest and the slowest tenth beside it.</summary>
internal sealed record Warm(double Fastest, double Median, double Slowest10Percent, int Documents)
{
    public static Warm Of(List<double> times)
    {
        var sorted = times.OrderBy(t => t).ToList();
        return new Warm(sorted[0], sorted[sorted.Count / 2], sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * 0.9))], sorted.Count);
    }
}

/// <summary>
/// The IDE analyses the open document, not the solution: <c>GetAnalyzerSemanticDiagnosticsAsync</c> for its tree. The
/// compilation is warm (the compiler has bound it, as the IDE has for its own diagnostics) and the analysis session, kept
/// per project snapshot as the IDE does, has analysed another document. Then the user types: a new compilation that differs in one tree, analysed
/// for that tree alone. Both are set against the cost of analysing the whole history once.
/// </summary>
internal static class IdeLatency
{
    /// <summary>How many late migration documents are analysed warm, each once.</summary>
    private const int WarmDocuments = 40;

    public static async Task<IdeLatencyResult> RunAsync(ImmutableArray<SyntaxTree> trees, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions options)
    {
        // The hand-written file of a migration near the end of the history: the one a developer is writing now.
        var migrations = trees
            .Where(t => t.FilePath.Contains("Migrations", StringComparison.Ordinal) && !t.FilePath.EndsWith(".Designer.cs", StringComparison.Ordinal)
                        && t.GetText().ToString().Contains("protected override void Up(", StringComparison.Ordinal))
            .ToList();
        var document = migrations[migrations.Count - 2];
        var other = migrations[migrations.Count / 2];

        var compilation = CorpusCompilation.Create(trees, analyzers);
        compilation.GetDiagnostics();

        // Full history: every document of the compilation, as a build does.
        var watch = Stopwatch.StartNew();
        await With(compilation, analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None).ConfigureAwait(false);
        var fullMs = watch.Elapsed.TotalMilliseconds;

        // Warm: the IDE keeps one analysis session per project snapshot and asks it for each open document. Another
        // document was analysed first; then the late migrations, each for the first time: the median is the figure, as
        // a user opens whichever document; the fastest and the slowest tenth are printed beside it.
        var session = With(compilation, analyzers, options, logTime: true);
        await Document(session, other).ConfigureAwait(false);
        var before = await TimeByAnalyzerAsync(session).ConfigureAwait(false);
        var late = migrations.Skip(migrations.Count - WarmDocuments).ToList();
        var warm = new List<double>();
        var warmDiagnostics = 0;
        foreach (var tree in late)
        {
            var warmWatch = Stopwatch.StartNew();
            warmDiagnostics += (await Document(session, tree).ConfigureAwait(false)).Length;
            warm.Add(warmWatch.Elapsed.TotalMilliseconds);
        }

        // The same documents with an analyzer that does nothing: what the driver and the compiler cost the IDE anyway.
        var empty = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAnalyzer());
        var emptySession = With(compilation, empty, options);
        await Document(emptySession, other).ConfigureAwait(false);
        var baseline = new List<double>();
        foreach (var tree in late)
        {
            var emptyWatch = Stopwatch.StartNew();
            await Document(emptySession, tree).ConfigureAwait(false);
            baseline.Add(emptyWatch.Elapsed.TotalMilliseconds);
        }

        var after = await TimeByAnalyzerAsync(session).ConfigureAwait(false);
        var warmByAnalyzer = after
            .Select(pair => (Analyzer: pair.Key, Ms: pair.Value - (before.TryGetValue(pair.Key, out var earlier) ? earlier : 0)))
            .OrderByDescending(pair => pair.Ms)
            .ToList();

        // After an edit: a statement-neutral change inside Up (a comment), as a keystroke makes; the compiler rebinds, so do we.
        var text = document.GetText();
        var at = text.ToString().IndexOf("protected override void Up(", StringComparison.Ordinal);
        var edited = document.WithChangedText(text.WithChanges(new TextChange(new TextSpan(at, 0), "// edited\n        ")));
        var editedCompilation = compilation.ReplaceSyntaxTree(document, edited);
        editedCompilation.GetDiagnostics();
        var editWatch = Stopwatch.StartNew();
        var afterEdit = await Document(With(editedCompilation, analyzers, options), edited).ConfigureAwait(false);
        var afterEditMs = editWatch.Elapsed.TotalMilliseconds;

        return new IdeLatencyResult(document.FilePath, fullMs, Warm.Of(warm), Warm.Of(baseline).Median, afterEditMs, warmDiagnostics, afterEdit.Length, warmByAnalyzer);
    }

    private static CompilationWithAnalyzers With(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions options, bool logTime = false)
        => compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: logTime));

    /// <summary>Milliseconds each analyzer of the session has spent so far, by name.</summary>
    private static async Task<Dictionary<string, double>> TimeByAnalyzerAsync(CompilationWithAnalyzers session)
    {
        var times = new Dictionary<string, double>();
        foreach (var analyzer in session.Analyzers)
        {
            var info = await session.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).ConfigureAwait(false);
            times[analyzer.GetType().Name] = info.ExecutionTime.TotalMilliseconds;
        }

        return times;
    }

    /// <summary>What the IDE asks for an open document: the semantic diagnostics of its tree, in the session's own compilation.</summary>
    private static Task<ImmutableArray<Diagnostic>> Document(CompilationWithAnalyzers session, SyntaxTree tree)
        => session.GetAnalyzerSemanticDiagnosticsAsync(session.Compilation.GetSemanticModel(tree), filterSpan: null, CancellationToken.None);
}
