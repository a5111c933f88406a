using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using MigrationAnalyzers.RulePacks;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Documentation;

/// <summary>
/// Writes AnalyzerReleases.Unshipped.md: one line for every descriptor that no release in AnalyzerReleases.Shipped.md
/// lists. Shipped.md is written by hand when a release is cut (its lines move there); it is only read here.
/// </summary>
public static class ReleaseTracking
{
    public const string ShippedPath = "AnalyzerReleases.Shipped.md";

    public const string UnshippedPath = "AnalyzerReleases.Unshipped.md";

    public static string RenderUnshipped()
    {
        var shipped = ShippedIds();
        var text = new StringBuilder();
        text.Append("; Unshipped analyzer release\n");
        text.Append("; https://github.com/dotnet/roslyn-analyzers/blob/main/src/Microsoft.CodeAnalysis.Analyzers/ReleaseTrackingAnalyzers.Help.md\n");
        text.Append("; Generated from the descriptors and the built-in packs; regenerate with:\n");
        text.Append(";   " + GeneratedFile.RegenerateCommand + "\n\n");
        text.Append("### New Rules\n\n");
        text.Append("Rule ID | Category | Severity | Notes\n");
        text.Append("--------|----------|----------|-------\n");
        foreach (var descriptor in RuleInventory.Descriptors.Where(d => !shipped.Contains(d.Id)))
        {
            text.Append($"{descriptor.Id} | {descriptor.Category} | {descriptor.DefaultSeverity} | {Reporter(descriptor)}\n");
        }

        return text.ToString();
    }

    /// <summary>The IDs on the rule lines of the shipped releases.</summary>
    public static ISet<string> ShippedIds()
        => ShippedLines().Select(columns => columns[0]).ToHashSet(StringComparer.Ordinal);

    /// <summary>The rule lines of AnalyzerReleases.Shipped.md, split into their columns.</summary>
    public static IReadOnlyList<string[]> ShippedLines()
        => File.ReadAllLines(Path.Combine(RepositoryPaths.Root, ShippedPath))
            .Where(line => line.StartsWith("MIG", StringComparison.Ordinal))
            .Select(line => line.Split('|').Select(part => part.Trim()).ToArray())
            .ToList();

    /// <summary>The analyzer that reports the ID; for a built-in pack rule also its pack.</summary>
    private static string Reporter(DiagnosticDescriptor descriptor)
    {
        var analyzers = RuleInventory.Analyzers
            .Where(analyzer => analyzer.SupportedDiagnostics.Any(supported => supported.Id == descriptor.Id))
            .Select(analyzer => analyzer.GetType().Name)
            .OrderBy(name => name, StringComparer.Ordinal);
        var notes = string.Join(", ", analyzers);
        var packs = BuiltInPacks.All
            .Where(pack => pack.Rules.Any(rule => rule.Description is not null && PackDescriptors.FamilyId(rule.Id) == descriptor.Id))
            .Select(pack => pack.Name)
            .ToList();
        return packs.Count == 0 ? notes : notes + " (" + string.Join(", ", packs) + " pack)";
    }
}
