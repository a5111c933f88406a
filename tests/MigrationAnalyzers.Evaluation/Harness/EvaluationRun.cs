using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace MigrationAnalyzers.Evaluation.Harness;

/// <summary>
/// Evaluates every history once per test run: package sets are resolved first, one after another (a cold cache downloads
/// packages lazily), then the histories are compiled and analysed in parallel. The theory cases share the result, and
/// results.md is written as soon as all histories are done. A history that cannot be read (a bad history.ini or
/// expected.tsv) fails on its own; the others are still evaluated.
/// </summary>
public static class EvaluationRun
{
    private static readonly Lazy<Task<IReadOnlyList<HistoryOutcome>>> Run = new(() => Task.Run(() => RunAllAsync(CancellationToken.None)));

    public static Task<IReadOnlyList<HistoryOutcome>> OutcomesAsync() => Run.Value;

    /// <summary>Names of the histories to evaluate (comma-separated) while working on one; results.md is then left alone.</summary>
    public const string OnlyVariable = "MIGRATIONANALYZERS_EVALUATION_ONLY";

    private static readonly string[] Only = (Environment.GetEnvironmentVariable(OnlyVariable) ?? "")
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static IEnumerable<string> HistoryNames()
        => HistoryDefinition.Names(EvaluationPaths.HistoriesRoot).Where(name => Only.Length == 0 || Only.Contains(name, StringComparer.OrdinalIgnoreCase));

    private static async Task<IReadOnlyList<HistoryOutcome>> RunAllAsync(CancellationToken cancellationToken)
    {
        var root = EvaluationPaths.HistoriesRoot;
        var outcomes = new List<HistoryOutcome>();
        var histories = new List<(HistoryDefinition History, ImmutableArray<ExpectedFinding> Expected)>();
        foreach (var name in HistoryNames())
        {
            try
            {
                var history = HistoryDefinition.Load(root, name);
                PackageSets.Get(history.References);
                histories.Add((history, ExpectedTsv.Read(history.ExpectedPath)));
            }
            catch (Exception exception) when (exception is FormatException or ArgumentException or IOException)
            {
                outcomes.Add(HistoryOutcome.Unreadable(name, exception.Message));
            }
        }

        var references = await PackageSets.ResolveAsync(histories.Select(h => h.History.References), cancellationToken).ConfigureAwait(false);

        outcomes.AddRange(await Task.WhenAll(histories.Select(entry => Task.Run(async () =>
        {
            var stopwatch = Stopwatch.StartNew();
            try
            {
                var result = await HistoryAnalysis.RunAsync(entry.History, root, references[entry.History.References], cancellationToken).ConfigureAwait(false);
                return HistoryOutcome.Compare(entry.History.Name, result, entry.Expected) with { Elapsed = stopwatch.Elapsed };
            }
            catch (IOException exception)
            {
                return HistoryOutcome.Unreadable(entry.History.Name, exception.Message);
            }
        }, cancellationToken))).ConfigureAwait(false));

        var ordered = outcomes.OrderBy(o => o.History, StringComparer.Ordinal).ToImmutableArray();
        if (Only.Length == 0)
        {
            File.WriteAllText(EvaluationPaths.ResultsFile, ResultsTable.Document(ordered));
        }

        return ordered;
    }
}
