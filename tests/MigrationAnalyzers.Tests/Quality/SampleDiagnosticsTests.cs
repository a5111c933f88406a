using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Quality;

/// <summary>
/// The samples are the README's first command; they must show exactly the diagnostics their `// MIGxxxx` comments
/// promise, compile, and never make an analyzer throw.
/// </summary>
public class SampleDiagnosticsTests
{
    [Fact]
    public async Task Samples_compile()
    {
        foreach (var sample in await SampleCorpus.AllAsync())
        {
            var errors = sample.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString());
            Assert.Empty(errors);
        }
    }

    [Fact]
    public async Task Samples_report_exactly_the_diagnostics_their_comments_name()
    {
        foreach (var sample in await SampleCorpus.AllAsync())
        {
            var expected = sample.ExpectedDiagnostics().OrderBy(x => x).ToList();
            var actual = sample.Diagnostics.Select(SampleCorpus.Describe).Distinct().OrderBy(x => x).ToList();
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public async Task No_analyzer_throws_on_the_samples()
    {
        foreach (var sample in await SampleCorpus.AllAsync())
        {
            Assert.Empty(sample.AnalyzerExceptions.Select(e => e.ToString()));
            Assert.DoesNotContain(sample.Diagnostics, d => d.Id == "AD0001");
        }
    }
}
