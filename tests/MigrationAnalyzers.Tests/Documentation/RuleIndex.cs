using System.Linq;
using System.Text;
using MigrationAnalyzers.Infrastructure;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Documentation;

/// <summary>Writes rules/README.md: one row per descriptor, and every option the package reads.</summary>
public static class RuleIndex
{
    public const string RelativePath = "rules/README.md";

    public static string Render()
    {
        var text = new StringBuilder();
        text.Append("# Rules\n\n");
        text.Append("<!-- Generated from the descriptors and code-fix providers; do not edit by hand. Regenerate with:\n");
        text.Append("     " + GeneratedFile.RegenerateCommand + " -->\n\n");
        text.Append("Every rule has its own page: what it finds, why it matters, before/after, the fix, its options and how to suppress it.\n");
        text.Append("*Recommended* says whether the rule is on in the default preset (`MigrationAnalyzersMode=Recommended`); ");
        text.Append("`All` turns every rule on as a warning at least, `None` turns them all off (see [the README](../README.md#presets)).\n\n");
        text.Append("*Databases* and *Versions* come from the rows of each rule page: which databases the rule judges, and which database versions change its verdict ");
        text.Append("(set with `migration_analyzers.database_version`, or read from `SetPostgresVersion` / Pomelo's `ServerVersion` in code). ");
        text.Append("For a rule of a built-in [rule pack](rule-packs.md), *Versions* names the pack and the package versions its `requires` lines report on.\n\n");
        text.Append("| ID | Title | Category | Default severity | Recommended | Databases | Versions | Code fix |\n");
        text.Append("|----|-------|----------|------------------|-------------|-----------|----------|----------|\n");
        foreach (var descriptor in RuleInventory.Descriptors)
        {
            text.Append($"| [{descriptor.Id}]({descriptor.Id}.md) | {Escape(descriptor.Title.ToString())} | {descriptor.Category} | {descriptor.DefaultSeverity} | ");
            text.Append(RuleInventory.IsOptIn(descriptor) ? "no" : "yes");
            text.Append(" | ");
            var page = PageRows(descriptor.Id);
            text.Append(page.TryGetValue("Databases", out var databases) ? databases : "—");
            text.Append(" | ");
            text.Append(page.TryGetValue("Versions", out var versions) ? versions : PackBounds(descriptor.Id) ?? (databases is null ? "—" : "any"));
            text.Append(" | ");
            text.Append(RuleInventory.FixableIds.Contains(descriptor.Id) ? "yes" : "no");
            text.Append(" |\n");
        }

        text.Append("\n## Options\n\n");
        text.Append("Set in `.editorconfig` (per file or folder) or a global AnalyzerConfig. An unknown key or a bad value is reported as [MIG9001](MIG9001.md).\n");
        text.Append("How the target database is decided when `target_database` is unset, and which rules run under each `deployment`: [target-database.md](target-database.md).\n\n");
        text.Append("| Key | Meaning |\n");
        text.Append("|-----|---------|\n");
        foreach (var setting in SettingDefinitions.All.OrderBy(s => s.Key, System.StringComparer.Ordinal))
        {
            text.Append($"| `{setting.Key}` | {Escape(setting.Description)} |\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// For a built-in pack's rule (<c>[MIG2201]</c>, or a family such as <c>[MIG3121.SHA256Managed]</c>): its pack and the
    /// distinct <c>requires</c> bounds of its rules; null for rules no built-in pack defines.
    /// </summary>
    private static string? PackBounds(string id)
    {
        var rules = MigrationAnalyzers.RulePacks.BuiltInPacks.All
            .SelectMany(pack => pack.Rules)
            .Where(rule => rule.Id == id || rule.Id.StartsWith(id + ".", System.StringComparison.Ordinal))
            .ToList();
        if (rules.Count == 0)
        {
            return null;
        }

        var packs = string.Join(", ", rules.Select(rule => "`" + rule.PackName + "`").Distinct());
        var bounds = rules.SelectMany(rule => rule.Requires).Select(requirement => requirement.ToString()).Distinct().OrderBy(text => text, System.StringComparer.Ordinal).ToList();
        return Escape(packs + ": " + (bounds.Count == 0 ? "any package version" : string.Join("; ", bounds)));
    }

    /// <summary>The rows of the table at the top of rules/&lt;id&gt;.md (<c>| Databases | … |</c>), by their name.</summary>
    private static System.Collections.Generic.Dictionary<string, string> PageRows(string id)
    {
        var rows = new System.Collections.Generic.Dictionary<string, string>(System.StringComparer.Ordinal);
        var path = System.IO.Path.Combine(RepositoryPaths.Root, "rules", id + ".md");
        if (!System.IO.File.Exists(path))
        {
            return rows;
        }

        foreach (var line in System.IO.File.ReadLines(path))
        {
            if (line.StartsWith("## ", System.StringComparison.Ordinal))
            {
                break;
            }

            // "| Name | value |": the value may hold escaped bars, so split at the first cell only.
            if (line.StartsWith("| ", System.StringComparison.Ordinal) && line.EndsWith(" |", System.StringComparison.Ordinal))
            {
                var second = line.IndexOf(" | ", 2, System.StringComparison.Ordinal);
                if (second > 0)
                {
                    rows[line.Substring(2, second - 2).Trim()] = line.Substring(second + 3, line.Length - second - 5).Trim();
                }
            }
        }

        return rows;
    }

    private static string Escape(string cell) => cell.Replace("|", "\\|");
}
