using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;

namespace MigrationAnalyzers.Evaluation.Harness;

/// <summary>A history's diagnostics compared with its expected.tsv: the counts for the results table and everything that fails the test.</summary>
public sealed record HistoryOutcome(
    string History,
    int MigrationCount,
    int Reported,
    int True,
    int False,
    int Noise,
    int Missed,
    ImmutableArray<ReportedDiagnostic> Unjudged,
    ImmutableArray<ExpectedFinding> Stale,
    ImmutableArray<ExpectedFinding> MissedButReported,
    ImmutableArray<ExpectedFinding> NowhereInHistory,
    ImmutableArray<string> CompilerErrors,
    ImmutableArray<string> AnalyzerFailures,
    ImmutableArray<string> OtherDiagnostics)
{
    /// <summary>Why the history could not be evaluated at all (its history.ini, expected.tsv or a source could not be read).</summary>
    public string? SetupError { get; init; }

    /// <summary>Findings that the IDE, one document at a time, shows differently from the build (<see cref="IdeView"/>).</summary>
    public ImmutableArray<string> IdeDifferences { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>Compile and analysis time of the history, printed to keep an eye on the run time.</summary>
    public System.TimeSpan Elapsed { get; init; }

    public bool Passed => SetupError is null
        && Unjudged.IsEmpty && Stale.IsEmpty && MissedButReported.IsEmpty && NowhereInHistory.IsEmpty && CompilerErrors.IsEmpty && AnalyzerFailures.IsEmpty && IdeDifferences.IsEmpty;

    public static HistoryOutcome Unreadable(string history, string error)
        => new(history, 0, 0, 0, 0, 0, 0,
            ImmutableArray<ReportedDiagnostic>.Empty, ImmutableArray<ExpectedFinding>.Empty, ImmutableArray<ExpectedFinding>.Empty, ImmutableArray<ExpectedFinding>.Empty,
            ImmutableArray<string>.Empty, ImmutableArray<string>.Empty, ImmutableArray<string>.Empty)
        {
            SetupError = error,
        };

    /// <summary>true / (true + false + noise); unjudged diagnostics are left out until a reviewer judges them.</summary>
    public double? Precision => Ratio(True, True + False + Noise);

    /// <summary>true / (true + missed).</summary>
    public double? Recall => Ratio(True, True + Missed);

    public static double? Ratio(int part, int whole) => whole == 0 ? null : (double)part / whole;

    /// <summary>
    /// Matches reported diagnostics with expected lines on (ID, path, line); a line listed twice needs two diagnostics.
    /// A true line that is no longer reported counts as missed for recall and fails the test as stale.
    /// </summary>
    public static HistoryOutcome Compare(string history, HistoryAnalysisResult result, IReadOnlyList<ExpectedFinding> expected)
    {
        var unmatched = result.MigrationDiagnostics.GroupBy(d => d.Key).ToDictionary(g => g.Key, g => new Queue<ReportedDiagnostic>(g));
        int trueCount = 0, falseCount = 0, noiseCount = 0, missedCount = 0;
        var stale = ImmutableArray.CreateBuilder<ExpectedFinding>();
        var missedButReported = ImmutableArray.CreateBuilder<ExpectedFinding>();

        // A typo in a path or line would make a 'missed' line unmatchable for ever: every line must point into the history.
        var nowhere = expected
            .Where(f => !result.LineCounts.TryGetValue(f.Path, out var lineCount) || f.Line > lineCount)
            .ToImmutableArray();

        foreach (var finding in expected)
        {
            var reported = TryConsume(unmatched, finding.Key);
            switch (finding.Verdict)
            {
                case Verdict.Missed when reported:
                    missedButReported.Add(finding);
                    trueCount++;
                    break;
                case Verdict.Missed:
                    missedCount++;
                    break;
                case Verdict.True when reported:
                    trueCount++;
                    break;
                case Verdict.True:
                    stale.Add(finding);
                    missedCount++;
                    break;
                case Verdict.False when reported:
                    falseCount++;
                    break;
                case Verdict.Noise when reported:
                    noiseCount++;
                    break;
                default:
                    stale.Add(finding);
                    break;
            }
        }

        var unjudged = unmatched.Values.SelectMany(q => q).OrderBy(d => d.Key.Path, System.StringComparer.Ordinal).ThenBy(d => d.Key.Line).ToImmutableArray();
        return new HistoryOutcome(
            history, result.MigrationCount, result.MigrationDiagnostics.Length,
            trueCount, falseCount, noiseCount, missedCount,
            unjudged, stale.ToImmutable(), missedButReported.ToImmutable(), nowhere,
            result.CompilerErrors, result.AnalyzerFailures, result.OtherDiagnostics)
        {
            IdeDifferences = result.IdeDifferences,
        };
    }

    private static bool TryConsume(Dictionary<DiagnosticKey, Queue<ReportedDiagnostic>> unmatched, DiagnosticKey key)
    {
        if (unmatched.TryGetValue(key, out var queue) && queue.Count > 0)
        {
            queue.Dequeue();
            return true;
        }

        return false;
    }

    /// <summary>Everything a reviewer needs to fix the history or the expectations, ready to paste where that helps.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        if (SetupError is not null)
        {
            text.Append(History).Append(": cannot be evaluated: ").AppendLine(SetupError);
        }

        Section(text, "Compiler errors (the history must compile against its package set)", CompilerErrors);
        Section(text, "Analyzer failures (AD0001 or an exception: never acceptable)", AnalyzerFailures);
        Section(text, "Unjudged diagnostics: judge each, replace '?' with true, false or noise and a reason, and paste into expected.tsv",
            Unjudged.Select(d => ExpectedTsv.PasteLine(d.Key, d.Message)));
        Section(text, "Expected lines no longer reported: a fix landed (delete false/noise lines) or a true finding was lost",
            Stale.Select(f => $"expected.tsv:{f.TsvLine}: {f.Key}\t{f.Verdict.ToString().ToLowerInvariant()}\t{f.Reason}"));
        Section(text, "Missed problems now reported: change their verdict to true",
            MissedButReported.Select(f => $"expected.tsv:{f.TsvLine}: {f.Key}\tmissed\t{f.Reason}"));
        Section(text, "Expected lines whose file is not in the history or whose line is past its end",
            NowhereInHistory.Select(f => $"expected.tsv:{f.TsvLine}: {f.Key}"));
        Section(text, "Findings the IDE shows differently from the build, one document at a time in new compilations (a cache shared between compilations is wrong)", IdeDifferences);
        Section(text, "Other diagnostics (not judged here; listed for information)", OtherDiagnostics);
        return text.ToString();
    }

    private void Section(StringBuilder text, string title, IEnumerable<string> lines)
    {
        var list = lines.ToList();
        if (list.Count == 0)
        {
            return;
        }

        text.Append(History).Append(": ").Append(title).Append(" (").Append(list.Count).AppendLine("):");
        foreach (var line in list)
        {
            text.Append("  ").AppendLine(line);
        }
    }
}
