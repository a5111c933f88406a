using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace MigrationAnalyzers.Evaluation.Harness;

/// <summary>
/// Evaluates every history once per test run: package sets are resolved first, one after another (a cold cache downloads
/// packages lazily), then the histories are compiled and analysed in parallel. The theory cases share the result, and
/// results.md is written as soon as all histories are done.
/// </summary>
public static class EvaluationRun
{
    private static readonly Lazy<Task<IReadOnlyList<HistoryOutcome>>> Run = new(() => Task.Run(() => RunAllAsync(CancellationToken.None)));

    public static Task<IReadOnlyList<HistoryOutcome>> OutcomesAsync() => Run.Value;

    public static IEnumerable<string> HistoryNames() => HistoryDefinition.Names(EvaluationPaths.HistoriesRoot);

    private static async Task<IReadOnlyList<HistoryOutcome>> RunAllAsync(CancellationToken cancellationToken)
    {
        var root = EvaluationPaths.HistoriesRoot;
        var histories = HistoryNames().Select(name => HistoryDefinition.Load(root, name)).ToList();
        var references = await PackageSets.ResolveAsync(histories.Select(h => h.References), cancellationToken).ConfigureAwait(false);

        var outcomes = await Task.WhenAll(histories.Select(history => Task.Run(async () =>
        {
            var expected = ExpectedTsv.Read(history.ExpectedPath);
            var result = await HistoryAnalysis.RunAsync(history, root, references[history.References], cancellationToken).ConfigureAwait(false);
            return HistoryOutcome.Compare(history.Name, result, expected);
        }, cancellationToken))).ConfigureAwait(false);

        var ordered = outcomes.OrderBy(o => o.History, StringComparer.Ordinal).ToImmutableArray();
        File.WriteAllText(EvaluationPaths.ResultsFile, ResultsTable.Document(ordered));
        return ordered;
    }
}
