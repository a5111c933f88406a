using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Robustness;

/// <summary>
/// "Never crash": every analyzer of the package (found by reflection) over every source we have — generated migrations,
/// realistic sources, the code in the rule tests — intact, cut short, with tokens deleted or typed in, braces unbalanced,
/// and with references missing. Seeded and bounded, so a failure reproduces and the gate stays fast.
/// </summary>
public class AnalyzersNeverThrowTests
{
    [Fact]
    public async Task Intact_sources_and_the_whole_corpus_project()
    {
        var units = FuzzSources.CorpusMigrations(30).Concat(FuzzSources.RealisticSources()).Concat(FuzzSources.RepeatedFindings()).Append(FuzzSources.CorpusProject())
            .Select(u => ("intact", u));
        await AssertNoAnalyzerFailsAsync(units, TestReferences.EfCoreAndFluentMigrator);
    }

    [Fact]
    public async Task Generated_migrations_with_random_edits()
    {
        var mutator = new SourceMutator(FuzzSources.Seed);
        var units = FuzzSources.CorpusMigrations(30).Concat(FuzzSources.RealisticSources()).Concat(FuzzSources.RepeatedFindings()).SelectMany(u => mutator.Mutate(u, 6));
        await AssertNoAnalyzerFailsAsync(units, TestReferences.EfCoreAndFluentMigrator);
    }

    [Fact]
    public async Task Migrations_cut_short_at_many_points()
    {
        var mutator = new SourceMutator(FuzzSources.Seed + 1);
        var units = FuzzSources.CorpusMigrations(8).Concat(FuzzSources.RealisticSources()).Concat(FuzzSources.RepeatedFindings()).SelectMany(u => mutator.TruncateEverywhere(u, 14));
        await AssertNoAnalyzerFailsAsync(units, TestReferences.EfCoreAndFluentMigrator);
    }

    [Fact]
    public async Task Whole_corpus_project_with_random_edits()
    {
        var mutator = new SourceMutator(FuzzSources.Seed + 2);
        var project = FuzzSources.CorpusProject();

        // Move a random file to the front each time, so the edits land across the project.
        var random = new System.Random(FuzzSources.Seed + 2);
        var units = Enumerable.Range(0, 4).SelectMany(_ =>
        {
            var index = random.Next(project.Files.Length);
            var rotated = project with { Files = project.Files.RemoveAt(index).Insert(0, project.Files[index]) };
            return mutator.Mutate(rotated, 1);
        });
        await AssertNoAnalyzerFailsAsync(units, TestReferences.EfCoreAndFluentMigrator);
    }

    [Fact]
    public async Task Code_from_the_rule_tests_intact_and_edited()
    {
        var mutator = new SourceMutator(FuzzSources.Seed + 3);
        var units = FuzzSources.TestLiterals(60).SelectMany(u => mutator.Mutate(u, 3).Prepend(("intact", u)));
        await AssertNoAnalyzerFailsAsync(units, TestReferences.EfCoreAndFluentMigrator);
    }

    [Theory]
    [InlineData("no migration framework")]
    [InlineData("EF Core only")]
    [InlineData("FluentMigrator only")]
    public async Task Migrations_with_references_missing(string references)
    {
        var assemblies = references switch
        {
            "EF Core only" => TestReferences.EfCore,
            "FluentMigrator only" => TestReferences.FluentMigrator,
            _ => TestReferences.Net80,
        };
        var mutator = new SourceMutator(FuzzSources.Seed + 4);
        var units = FuzzSources.CorpusMigrations(12).SelectMany(u => mutator.Mutate(u, 2).Prepend(("intact", u)));
        await AssertNoAnalyzerFailsAsync(units, assemblies);
    }

    [Fact]
    public async Task Corpus_project_under_odd_settings()
    {
        var settings = new[]
        {
            new Dictionary<string, string> { ["migration_analyzers.baseline"] = "20190615000000" },
            new Dictionary<string, string> { ["migration_analyzers.baseline"] = "99999999999999999999", ["migration_analyzers.MIG1001.report_forward_only"] = "true" },
            new Dictionary<string, string> { ["migration_analyzers.baseline"] = "-1", ["migration_analyzers.unknown_option"] = "", ["migration_analyzers.MIG1001.report_forward_only"] = "sometimes" },
        };
        var failures = new List<string>();
        var references = await AnalyzerHarness.ReferencesAsync(TestReferences.EfCoreAndFluentMigrator);
        var compilation = AnalyzerHarness.Compile(FuzzSources.CorpusProject(), references);
        foreach (var values in settings)
        {
            var (_, found) = await AnalyzerHarness.AnalyzeAsync(compilation, TestAnalyzerConfig.Create(values));
            failures.AddRange(found.Select(f => $"settings {string.Join(", ", values)}: {f}"));
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(10)));
    }

    private static async Task AssertNoAnalyzerFailsAsync(IEnumerable<(string Edit, FuzzUnit Unit)> units, ReferenceAssemblies assemblies)
    {
        var references = await AnalyzerHarness.ReferencesAsync(assemblies);
        var options = TestAnalyzerConfig.Create();
        var failures = new List<string>();
        var runs = 0;
        foreach (var (edit, unit) in units)
        {
            runs++;
            var (_, found) = await AnalyzerHarness.AnalyzeAsync(AnalyzerHarness.Compile(unit, references), options);
            failures.AddRange(found.Select(f => $"{unit.Name}, {edit}:\n{f}"));
        }

        Assert.True(runs > 0, "no source was analyzed");
        Assert.True(failures.Count == 0, $"{failures.Count} analyzer failures in {runs} runs:\n\n" + string.Join("\n\n", failures.Take(10)));
    }
}
