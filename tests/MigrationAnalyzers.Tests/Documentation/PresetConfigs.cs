using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Documentation;

/// <summary>
/// Writes the global AnalyzerConfig files behind <c>MigrationAnalyzersMode</c> (All | Recommended | None), which the
/// package's build/MigrationAnalyzers.targets selects. They sit at a low global_level so a project's own
/// .editorconfig and global configs always win.
/// </summary>
public static class PresetConfigs
{
    public const string Directory = "src/MigrationAnalyzers.Package/build/config";

    public static readonly IReadOnlyList<string> Modes = new[] { "All", "Recommended", "None" };

    public static string RelativePath(string mode) => $"{Directory}/MigrationAnalyzers.{mode}.globalconfig";

    public static string Render(string mode)
    {
        var text = new StringBuilder();
        text.Append($"# MigrationAnalyzers preset '{mode}': {Summary(mode)}\n");
        text.Append($"# Selected with <MigrationAnalyzersMode>{mode}</MigrationAnalyzersMode>; .editorconfig entries override it.\n");
        text.Append("# Generated from the descriptors; regenerate with:\n");
        text.Append("#   " + GeneratedFile.RegenerateCommand + "\n");
        text.Append("is_global = true\n");
        text.Append("global_level = -100\n");
        foreach (var descriptor in RuleInventory.Descriptors)
        {
            text.Append($"\n# {descriptor.Id}: {descriptor.Title} ({descriptor.Category}, default {descriptor.DefaultSeverity})\n");
            var severity = Severity(mode, descriptor);
            // Recommended keeps a rule's own default, so it writes nothing for it: an ID-specific entry here would
            // outrank a user's category-wide setting (dotnet_analyzer_diagnostic.category-*.severity).
            text.Append(severity is null ? "# (default severity)\n" : $"dotnet_diagnostic.{descriptor.Id}.severity = {severity}\n");
        }

        return text.ToString();
    }

    private static string Summary(string mode) => mode switch
    {
        "All" => "every rule on, as a warning at least.",
        "None" => "every rule off.",
        _ => "the default; every rule at its own severity, opt-in rules off.",
    };

    private static string? Severity(string mode, DiagnosticDescriptor descriptor) => mode switch
    {
        "None" => "none",
        "All" => descriptor.DefaultSeverity == DiagnosticSeverity.Error ? "error" : "warning",
        _ => RuleInventory.IsOptIn(descriptor) ? "none" : null,
    };
}
