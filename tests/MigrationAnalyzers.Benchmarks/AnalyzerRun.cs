using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MigrationAnalyzers.Benchmarks;

/// <summary>What one CompilationWithAnalyzers run cost: per-analyzer execution time from the driver's own telemetry.</summary>
internal sealed record AnalyzerRunResult(
    TimeSpan WallTime,
    IReadOnlyDictionary<DiagnosticAnalyzer, TimeSpan> ExecutionTimes,
    ImmutableArray<Diagnostic> Diagnostics,
    IReadOnlyList<string> AnalyzerExceptions,
    MemoryProbe.Sample Memory,
    TimeSpan CpuTime)
{
    public TimeSpan TotalOf(IEnumerable<DiagnosticAnalyzer> analyzers)
        => TimeSpan.FromTicks(analyzers.Sum(a => ExecutionTimes.TryGetValue(a, out var t) ? t.Ticks : 0));
}

internal static class AnalyzerRun
{
    public static async Task<AnalyzerRunResult> RunAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions options)
    {
        var exceptions = new ConcurrentQueue<string>();
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            options,
            (exception, analyzer, _) => exceptions.Enqueue($"{analyzer.GetType().Name}: {exception.GetType().Name}: {exception.Message}"),
            // One callback at a time: the driver's telemetry is wall time per callback, and with callbacks in parallel on a busy
            // machine it counts time spent waiting for a core. Sequential figures compare with a sequential compile.
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: true,
            reportSuppressedDiagnostics: false));

        using var probe = MemoryProbe.Start();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).ConfigureAwait(false);
        stopwatch.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var memory = probe.Stop();

        var times = new Dictionary<DiagnosticAnalyzer, TimeSpan>();
        foreach (var analyzer in analyzers)
        {
            var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).ConfigureAwait(false);
            times[analyzer] = telemetry.ExecutionTime;
        }

        foreach (var diagnostic in diagnostics.Where(d => d.Id == "AD0001"))
        {
            exceptions.Enqueue(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }

        return new AnalyzerRunResult(stopwatch.Elapsed, times, diagnostics, exceptions.ToList(), memory, cpu);
    }
}
