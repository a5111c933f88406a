using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using MigrationAnalyzers.Corpus;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Robustness;

/// <summary>The generated corpus is only worth measuring and fuzzing if it is code that compiles, and the same every time.</summary>
public class CorpusTests
{
    [Fact]
    public async Task Generated_corpus_compiles_against_the_real_packages()
    {
        var references = await AnalyzerHarness.ReferencesAsync(TestReferences.EfCoreAndFluentMigrator);
        var compilation = AnalyzerHarness.Compile(FuzzSources.CorpusProject(), references);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
    }

    [Fact]
    public void Same_seed_gives_the_same_files()
    {
        var first = CorpusGenerator.Generate(40, 7);
        var second = CorpusGenerator.Generate(40, 7);
        Assert.Equal(first, second);
        Assert.NotEqual(first, CorpusGenerator.Generate(40, 8));
    }

    [Fact]
    public void Corpus_has_both_frameworks_Designer_files_and_application_code()
    {
        var files = CorpusGenerator.Generate(300);
        Assert.Contains(files, f => f.Path.EndsWith(".Designer.cs", System.StringComparison.Ordinal) && f.Text.Contains("BuildTargetModel", System.StringComparison.Ordinal) && f.IsGenerated);
        Assert.Contains(files, f => f.Text.Contains("[DbContext(typeof(", System.StringComparison.Ordinal));
        Assert.Contains(files, f => f.Text.Contains(": AutoReversingMigration", System.StringComparison.Ordinal));
        Assert.Contains(files, f => f.Text.Contains("Create.Table(", System.StringComparison.Ordinal));
        Assert.Contains(files, f => f.Text.Contains("migrationBuilder.CreateTable(", System.StringComparison.Ordinal));
        Assert.Contains(files, f => f.Path.Contains("/Services/", System.StringComparison.Ordinal));
    }
}
