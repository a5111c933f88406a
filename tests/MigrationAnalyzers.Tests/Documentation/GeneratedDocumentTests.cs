using System.Linq;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Documentation;

/// <summary>
/// The rule index, the preset configs and the unshipped release are derived from the descriptors and code fixes; these tests keep the
/// checked-in copies in step (set MIGRATIONANALYZERS_UPDATE_DOCS=1 to rewrite them).
/// </summary>
public class GeneratedDocumentTests
{
    [Fact]
    public void Rule_index_is_up_to_date()
        => GeneratedFile.AssertUpToDate(RuleIndex.RelativePath, RuleIndex.Render());

    [Fact]
    public void Rule_index_code_fix_column_agrees_with_each_rule_page()
    {
        // The index's column comes from the fixes actually registered; each page says in words whether there is one
        // ("none", "none (…)" or a description of the fix). They must not disagree in either direction.
        var disagreements = new System.Collections.Generic.List<string>();
        foreach (var row in RuleIndex.Render().Split('\n').Where(line => line.StartsWith("| [MIG", System.StringComparison.Ordinal)))
        {
            var cells = row.Split('|').Select(cell => cell.Trim()).ToArray();
            var id = cells[1].Substring(1, cells[1].IndexOf(']') - 1);
            var indexSaysFix = cells[cells.Length - 2] == "yes";
            var page = System.IO.File.ReadAllLines(System.IO.Path.Combine(RepositoryPaths.Root, "rules", id + ".md"));
            var fixLine = page.FirstOrDefault(line => line.StartsWith("| Code fix |", System.StringComparison.Ordinal));
            if (fixLine is null)
            {
                disagreements.Add(id + ": the page has no 'Code fix' row");
                continue;
            }

            var pageSaysFix = !fixLine.Substring("| Code fix |".Length).Trim().StartsWith("none", System.StringComparison.OrdinalIgnoreCase);
            if (pageSaysFix != indexSaysFix)
            {
                disagreements.Add(id + ": index says " + (indexSaysFix ? "yes" : "no") + ", page says '" + fixLine + "'");
            }
        }

        Assert.Empty(disagreements);
    }

    [Fact]
    public void Unshipped_release_lists_every_descriptor_not_yet_shipped()
        => GeneratedFile.AssertUpToDate(ReleaseTracking.UnshippedPath, ReleaseTracking.RenderUnshipped());

    [Fact]
    public void Shipped_release_lists_only_descriptors_with_their_category_and_severity()
    {
        // Shipped lines are history, written when a release is cut and never regenerated: a descriptor whose category or
        // severity changes after its release fails here until the release files record the change.
        var descriptors = RuleInventory.Descriptors.ToDictionary(descriptor => descriptor.Id);
        foreach (var columns in ReleaseTracking.ShippedLines())
        {
            Assert.True(descriptors.TryGetValue(columns[0], out var descriptor), columns[0] + " is shipped but has no descriptor");
            Assert.Equal(descriptor!.Category, columns[1]);
            Assert.Equal(descriptor.DefaultSeverity.ToString(), columns[2]);
        }
    }

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
