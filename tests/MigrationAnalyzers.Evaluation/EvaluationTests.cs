using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MigrationAnalyzers.Evaluation.Harness;
using Xunit.Abstractions;

namespace MigrationAnalyzers.Evaluation;

/// <summary>
/// One case per history under Histories/: every migration diagnostic must be judged in expected.tsv, every judged one must
/// still be reported, nothing may crash and the history must compile. The precision table is printed and kept in results.md.
/// </summary>
public sealed class EvaluationTests
{
    private readonly ITestOutputHelper _output;

    public EvaluationTests(ITestOutputHelper output) => _output = output;

    public static IEnumerable<object[]> Histories() => EvaluationRun.HistoryNames().Select(name => new object[] { name });

    [Theory]
    [MemberData(nameof(Histories))]
    public async Task History_matches_its_expected_findings(string history)
    {
        var outcomes = await EvaluationRun.OutcomesAsync();
        _output.WriteLine(ResultsTable.Markdown(outcomes));

        var outcome = outcomes.Single(o => o.History == history);
        _output.WriteLine($"{history}: compiled and analysed in {outcome.Elapsed.TotalSeconds:F1} s");
        var details = outcome.Describe();
        _output.WriteLine(details);
        Assert.True(outcome.Passed, details);
    }
}
