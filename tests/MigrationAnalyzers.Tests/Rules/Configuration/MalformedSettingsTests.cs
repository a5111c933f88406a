using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Infrastructure;
using MigrationAnalyzers.Rules.Configuration;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Settings;
using MigrationAnalyzers.Tests.Infrastructure;
using MigrationAnalyzers.Tests.Robustness;
using Verifier = MigrationAnalyzers.Tests.Infrastructure.Verify<MigrationAnalyzers.Rules.Configuration.InvalidSettingAnalyzer>;

namespace MigrationAnalyzers.Tests.Rules.Configuration;

/// <summary>
/// A malformed .editorconfig value gets one clear MIG9001 naming the key, the value and what is expected,
/// and the rules that read it keep working with their defaults.
/// </summary>
public class MalformedSettingsTests
{
    private const string Id = "20240101120000_AddUsers";

    private const string Migration = """
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace Shop.Data.Migrations
        {
            public partial class AddUsers : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Users",
                        columns: table => new { Id = table.Column<int>(nullable: false) },
                        constraints: table => table.PrimaryKey("PK_Users", x => x.Id));
                }
            }
        }
        """;

    [Theory]
    [InlineData(SettingKeys.Baseline, "yesterday")]
    [InlineData(SettingKeys.Baseline, "2024-01-01")]
    [InlineData(SettingKeys.Baseline, "-20240101120000")]
    [InlineData(SettingKeys.DeprecationPeriodDays, "-7")]
    [InlineData(SettingKeys.DeprecationPeriodDays, "two weeks")]
    [InlineData(SettingKeys.ReportForwardOnly, "sometimes")]
    [InlineData(SettingKeys.ReportDataOnly, "yes")]
    [InlineData(SettingKeys.TargetDatabase, "oracle7")]
    [InlineData(SettingKeys.Deployment, "blue_green")]
    public async Task Malformed_value_is_reported_with_what_was_expected(string key, string value)
    {
        var expected = SettingDefinitions.Find(key)!.Validate(value);
        Assert.False(string.IsNullOrEmpty(expected));

        var test = new AnalyzerTest<InvalidSettingAnalyzer> { TestCode = "class Program { }" }.WithEditorConfig($"{key} = {value}\n");
        // .editorconfig keys are case-insensitive and reach analyzers lower-cased.
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG9001").WithArguments(key.ToLowerInvariant(), value, expected!));
        await test.RunAsync();
    }

    [Fact]
    public async Task Unknown_option_is_reported_as_no_such_setting()
    {
        var test = new AnalyzerTest<InvalidSettingAnalyzer> { TestCode = "class Program { }" }.WithEditorConfig("migration_analyzers.baselin = 20240101120000\n");
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG9001").WithArguments("migration_analyzers.baselin", "20240101120000", "no such setting"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Valid_values_are_silent()
    {
        var test = new AnalyzerTest<InvalidSettingAnalyzer> { TestCode = "class Program { }" }.WithEditorConfig(
            $"{SettingKeys.Baseline} = 20240101120000_AddUsers\n{SettingKeys.DeprecationPeriodDays} = 0\n{SettingKeys.ReportForwardOnly} = TRUE\n");
        await test.RunAsync();
    }

    [Fact]
    public async Task Same_bad_value_in_many_files_is_reported_once()
    {
        var test = new AnalyzerTest<InvalidSettingAnalyzer>().WithEditorConfig($"{SettingKeys.Baseline} = yesterday\n");
        for (var i = 0; i < 5; i++)
        {
            test.TestState.Sources.Add(($"/0/File{i}.cs", $"class C{i} {{ }}"));
        }

        test.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG9001").WithArguments(SettingKeys.Baseline, "yesterday", SettingDefinitions.Find(SettingKeys.Baseline)!.Validate("yesterday")!));
        await test.RunAsync();
    }

    [Fact]
    public void Readers_fall_back_to_defaults()
    {
        var reader = new SettingReader(TestAnalyzerConfig.Create(new Dictionary<string, string>
        {
            [SettingKeys.Baseline] = "yesterday",
            [SettingKeys.DeprecationPeriodDays] = "-7",
            [SettingKeys.ReportForwardOnly] = "sometimes",
        }), tree: null);

        Assert.Null(reader.GetMigrationPosition(SettingKeys.Baseline));
        Assert.Equal(30, reader.GetNonNegativeInt(SettingKeys.DeprecationPeriodDays, 30));
        Assert.False(reader.GetBool(SettingKeys.ReportForwardOnly, defaultValue: false));
    }

    /// <summary>A bad baseline must not switch the rules off: the migration is analysed as if no baseline were set.</summary>
    [Theory]
    [InlineData("yesterday")]
    [InlineData("-1")]
    [InlineData("99999999999999999999999")]
    public async Task Bad_baseline_reports_MIG9001_and_rules_run_as_without_baseline(string baseline)
    {
        var references = await AnalyzerHarness.ReferencesAsync(TestReferences.EfCoreAndFluentMigrator);
        var unit = new FuzzUnit("bad baseline", ImmutableArray.Create(
            (Sources.DbContextPath, Sources.DbContext),
            (Sources.DesignerPath(Id), Sources.Designer("AddUsers", Id)),
            (Sources.MigrationPath(Id), Migration)));
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new InvalidSettingAnalyzer(), new MigrationCannotBeRolledBackAnalyzer());
        var options = TestAnalyzerConfig.Create(new Dictionary<string, string> { [SettingKeys.Baseline] = baseline });

        var (diagnostics, failures) = await AnalyzerHarness.AnalyzeAsync(AnalyzerHarness.Compile(unit, references), options, analyzers);

        Assert.Empty(failures);
        Assert.Single(diagnostics, d => d.Id == "MIG9001" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains(baseline, System.StringComparison.Ordinal));
        Assert.Single(diagnostics, d => d.Id == "MIG1001");
    }
}
