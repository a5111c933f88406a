using System.Linq;
using Microsoft.CodeAnalysis;
using MigrationAnalyzers.Evaluation.Harness;

namespace MigrationAnalyzers.Evaluation;

public sealed class GlobalAnalyzerConfigTests
{
    /// <summary>The compilation's options are keyed by the exact ID: a lower-cased one would leave the opt-in default (suppressed) in place.</summary>
    [Fact]
    public void A_severity_setting_replaces_the_package_default_of_an_opt_in_rule()
    {
        var settings = new[] { "migration_analyzers.target_database = postgresql", "dotnet_diagnostic.MIG1190.severity = warning" };

        var options = PackageAnalyzers.OptInRulesOff.SetItems(GlobalAnalyzerConfig.Severities(settings));

        Assert.Equal(ReportDiagnostic.Warn, options["MIG1190"]);
        Assert.Equal(ReportDiagnostic.Suppress, options["MIG1191"]);
        Assert.DoesNotContain(options.Keys, key => key.Any(char.IsLower));
    }
}
