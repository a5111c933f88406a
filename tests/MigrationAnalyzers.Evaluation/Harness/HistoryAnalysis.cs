using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MigrationAnalyzers.Evaluation.Harness;

/// <summary>A migration diagnostic as expected.tsv names it, with its message for the reviewer.</summary>
public sealed record ReportedDiagnostic(DiagnosticKey Key, string Message);

/// <summary>What running the package over one history produced.</summary>
public sealed record HistoryAnalysisResult(
    ImmutableArray<ReportedDiagnostic> MigrationDiagnostics,
    ImmutableArray<string> CompilerErrors,
    ImmutableArray<string> AnalyzerFailures,
    ImmutableArray<string> OtherDiagnostics,
    int MigrationCount,
    IReadOnlyDictionary<string, int> LineCounts,
    ImmutableArray<string> IdeDifferences);

/// <summary>Compiles a history once and runs every analyzer of the package over it with the history's settings.</summary>
public static class HistoryAnalysis
{
    public static async Task<HistoryAnalysisResult> RunAsync(
        HistoryDefinition history, string historiesRoot, ImmutableArray<MetadataReference> references, CancellationToken cancellationToken)
    {
        var sources = history.Sources(historiesRoot).ToList();
        var reportPaths = sources.ToDictionary(s => s.TreePath, s => s.ReportPath, StringComparer.Ordinal);
        var compilation = HistoryCompilation.Create(history, sources, references);

        var failures = new ConcurrentQueue<string>();
        var options = GlobalAnalyzerConfig.Create(history.Settings);
        var withAnalyzers = compilation.WithAnalyzers(PackageAnalyzers.All, new CompilationWithAnalyzersOptions(
            options,
            (exception, analyzer, _) => failures.Enqueue($"{analyzer.GetType().Name} threw {exception.GetType().Name}: {exception.Message}\n{exception.StackTrace}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false));

        // Compiler and analyzer diagnostics in one pass: the method bodies are bound once, not once for the errors and again
        // for the analyzers.
        ImmutableArray<Diagnostic> diagnostics;
        try
        {
            diagnostics = await withAnalyzers.GetAllDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            failures.Enqueue("the analyzer driver threw " + exception);
            diagnostics = ImmutableArray<Diagnostic>.Empty;
        }

        var compilerErrors = diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("CS", StringComparison.Ordinal))
            .Select(d => Describe(d, reportPaths))
            .ToImmutableArray();

        foreach (var diagnostic in diagnostics.Where(d => d.Id.StartsWith("AD", StringComparison.Ordinal)))
        {
            failures.Enqueue(Describe(diagnostic, reportPaths));
        }

        var migration = diagnostics
            .Where(d => PackageAnalyzers.IsMigrationRule(d.Id))
            .Select(d => new ReportedDiagnostic(KeyOf(d, reportPaths), d.GetMessage(CultureInfo.InvariantCulture)))
            .OrderBy(d => d.Key.Path, StringComparer.Ordinal).ThenBy(d => d.Key.Line).ThenBy(d => d.Key.Id, StringComparer.Ordinal)
            .ToImmutableArray();
        var others = diagnostics
            .Where(d => d.Id.StartsWith("MIG", StringComparison.Ordinal) && !PackageAnalyzers.IsMigrationRule(d.Id))
            .Select(d => Describe(d, reportPaths))
            .ToImmutableArray();

        var ideDifferences = await IdeView.DifferencesAsync(compilation, options, diagnostics, d => Describe(d, reportPaths), cancellationToken).ConfigureAwait(false);
        return new HistoryAnalysisResult(migration, compilerErrors, failures.Distinct().ToImmutableArray(), others, MigrationCounter.Count(sources),
            sources.ToDictionary(s => s.ReportPath, s => s.Text.Split('\n').Length, StringComparer.Ordinal), ideDifferences);
    }

    private static DiagnosticKey KeyOf(Diagnostic diagnostic, IReadOnlyDictionary<string, string> reportPaths)
    {
        var span = diagnostic.Location.GetLineSpan();
        var path = span.Path is { Length: > 0 } treePath && reportPaths.TryGetValue(treePath, out var reportPath) ? reportPath : "(no file)";
        return new DiagnosticKey(diagnostic.Id, path, span.StartLinePosition.Line + 1);
    }

    private static string Describe(Diagnostic diagnostic, IReadOnlyDictionary<string, string> reportPaths)
        => $"{KeyOf(diagnostic, reportPaths)}\t{diagnostic.GetMessage(CultureInfo.InvariantCulture)}";
}
