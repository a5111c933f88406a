using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MigrationAnalyzers.Benchmarks;

/// <summary>
/// The figures of one analyzer run and nothing else: no diagnostic, tree or compilation is kept, so the runs after it
/// start from the same heap and a garbage collection costs each of them the same.
/// </summary>
internal sealed record RunFigures(
    double CpuMs,
    double WallMs,
    long Allocated,
    long HeapPeakAdded,
    long WorkingSetPeakAdded,
    int Diagnostics,
    IReadOnlyDictionary<string, double> TelemetryMs,
    double OursTelemetryMs,
    double OwnTelemetryMs,
    IReadOnlyList<string> AnalyzerExceptions,
    double PausedMs,
    int FullCollections)
{
    public static RunFigures Of(AnalyzerRunResult run, ImmutableArray<DiagnosticAnalyzer> ours)
        => new RunFigures(
            run.CpuTime.TotalMilliseconds,
            run.WallTime.TotalMilliseconds,
            run.Memory.Allocated,
            run.Memory.HeapPeakAdded,
            run.Memory.WorkingSetPeakAdded,
            run.Diagnostics.Length,
            run.ExecutionTimes.ToDictionary(p => p.Key.GetType().Name, p => p.Value.TotalMilliseconds),
            run.TotalOf(ours).TotalMilliseconds,
            run.ExecutionTimes.Values.Sum(t => t.TotalMilliseconds),
            run.AnalyzerExceptions,
            run.Memory.Paused.TotalMilliseconds,
            run.Memory.FullCollections);
}

/// <summary>The median of a few measured rounds and their range, printed together so a noisy figure shows as noisy.</summary>
internal sealed record Spread(double Median, double Low, double High)
{
    public static Spread Of(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        if (sorted.Count == 0)
        {
            return new Spread(0, 0, 0);
        }

        var middle = sorted.Count / 2;
        var median = sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Spread(median, sorted[0], sorted[^1]);
    }

    public override string ToString() => $"{Low:N0} to {High:N0} ms";
}
