using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Documentation;

/// <summary>
/// The rule index and the preset configs are derived from the descriptors and code fixes; these tests keep the
/// checked-in copies in step (set MIGRATIONANALYZERS_UPDATE_DOCS=1 to rewrite them).
/// </summary>
public class GeneratedDocumentTests
{
    [Fact]
    public void Rule_index_is_up_to_date()
        => GeneratedFile.AssertUpToDate(RuleIndex.RelativePath, RuleIndex.Render());

    [Theory]
    [InlineData("All")]
    [InlineData("Recommended")]
    [InlineData("None")]
    public void Preset_config_is_up_to_date(string mode)
        => GeneratedFile.AssertUpToDate(PresetConfigs.RelativePath(mode), PresetConfigs.Render(mode));

    [Fact]
    public void Every_preset_the_package_selects_is_generated()
    {
        var targets = System.IO.File.ReadAllText(System.IO.Path.Combine(RepositoryPaths.Root, "src/MigrationAnalyzers.Package/build/MigrationAnalyzers.targets"));
        foreach (var mode in PresetConfigs.Modes)
        {
            Assert.Contains($"'$(MigrationAnalyzersMode)' == '{mode}'", targets, System.StringComparison.Ordinal);
        }
    }
}
