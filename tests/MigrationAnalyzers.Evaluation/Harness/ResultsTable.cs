using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace MigrationAnalyzers.Evaluation.Harness;

/// <summary>The precision and recall table, per history and in total, as printed by the test and kept in results.md.</summary>
public static class ResultsTable
{
    public static string Markdown(IReadOnlyList<HistoryOutcome> outcomes)
    {
        var text = new StringBuilder();
        text.AppendLine("| History | Migrations | Reported | True | False | Noise | Unjudged | Missed | Precision | Recall |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var outcome in outcomes)
        {
            Row(text, outcome.History, outcome.MigrationCount, outcome.Reported, outcome.True, outcome.False, outcome.Noise, outcome.Unjudged.Length, outcome.Missed);
        }

        Row(text, "**Total**",
            outcomes.Sum(o => o.MigrationCount), outcomes.Sum(o => o.Reported), outcomes.Sum(o => o.True), outcomes.Sum(o => o.False),
            outcomes.Sum(o => o.Noise), outcomes.Sum(o => o.Unjudged.Length), outcomes.Sum(o => o.Missed));
        return text.ToString();
    }

    public static string Document(IReadOnlyList<HistoryOutcome> outcomes)
        => "# Evaluation results\n\n"
           + "<!-- Written by the evaluation tests (tests/MigrationAnalyzers.Evaluation); do not edit by hand. -->\n\n"
           + "Migration diagnostics (MIG1xxx) of every analyzer in the package on the histories under `Histories/`, judged in each history's `expected.tsv`. "
           + "Precision = true / (true + false + noise); recall = true / (true + missed). Unjudged diagnostics are left out of both until judged.\n\n"
           + Markdown(outcomes);

    private static void Row(StringBuilder text, string name, int migrations, int reported, int truePositives, int falsePositives, int noise, int unjudged, int missed)
    {
        text.Append("| ").Append(name)
            .Append(" | ").Append(migrations)
            .Append(" | ").Append(reported)
            .Append(" | ").Append(truePositives)
            .Append(" | ").Append(falsePositives)
            .Append(" | ").Append(noise)
            .Append(" | ").Append(unjudged)
            .Append(" | ").Append(missed)
            .Append(" | ").Append(Percent(HistoryOutcome.Ratio(truePositives, truePositives + falsePositives + noise)))
            .Append(" | ").Append(Percent(HistoryOutcome.Ratio(truePositives, truePositives + missed)))
            .AppendLine(" |");
    }

    private static string Percent(double? ratio) => ratio is { } value ? value.ToString("P1", CultureInfo.InvariantCulture) : "–";
}
