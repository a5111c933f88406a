using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MigrationAnalyzers.Evaluation.Harness;
using MigrationAnalyzers.Tests.Reading;
using Xunit.Abstractions;

namespace MigrationAnalyzers.Evaluation;

/// <summary>
/// Every EF Core operation of the histories that is read from syntax equals the one the semantic model reads: same
/// kind, method, arguments and values, names, columns, constraints, annotations, SQL and locations.
/// </summary>
public sealed class SyntaxReadingTests
{
    private readonly ITestOutputHelper _output;

    public SyntaxReadingTests(ITestOutputHelper output) => _output = output;

    [Theory]
    [MemberData(nameof(EvaluationTests.Histories), MemberType = typeof(EvaluationTests))]
    public async Task Operations_read_from_syntax_equal_what_the_semantic_model_reads(string name)
    {
        var root = EvaluationPaths.HistoriesRoot;
        var history = HistoryDefinition.Load(root, name);
        var references = await PackageSets.ResolveAsync(new[] { history.References }, CancellationToken.None);
        var compilation = HistoryCompilation.Create(history, history.Sources(root).ToList(), references[history.References]);

        var result = SyntaxReadingComparison.Compare(compilation);
        _output.WriteLine($"{name}: {result.Operations} EF Core operations, {result.FromSyntax} read from syntax, {result.ThroughSemanticModel} through the semantic model");
        foreach (var fallback in result.FallbackSamples)
        {
            _output.WriteLine("semantic: " + fallback);
        }

        Assert.True(result.Differences.Count == 0, string.Join("\n", result.Differences.Take(40)));
    }
}
