using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Descriptors;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Consistency;

/// <summary>IDs, descriptors, documentation pages, tests and release tracking stay in step.</summary>
public class RuleCatalogTests
{
    public static IReadOnlyList<DiagnosticDescriptor> AllDescriptors => RuleInventory.Descriptors;

    public static IReadOnlyList<DiagnosticAnalyzer> AllAnalyzers { get; } = typeof(Descriptors.Descriptors).Assembly.GetTypes()
        .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
        .ToList();

    [Fact]
    public void Every_ID_is_used_by_exactly_one_descriptor()
    {
        var duplicates = AllDescriptors.GroupBy(d => d.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
        // RuleIds names the hand-written rules' IDs; a pack rule's ID is written in its pack only.
        var ids = typeof(RuleIds).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToList();
        Assert.Equal(ids.OrderBy(x => x), RuleInventory.HandWrittenDescriptors.Select(d => d.Id).OrderBy(x => x));
    }

    [Fact]
    public void Every_descriptor_links_to_its_page_and_the_page_exists()
    {
        foreach (var descriptor in AllDescriptors)
        {
            Assert.Equal(Descriptors.Descriptors.RulesDocumentationRoot + descriptor.Id + ".md", descriptor.HelpLinkUri);
            var page = Path.Combine(RepositoryPaths.Root, "rules", descriptor.Id + ".md");
            Assert.True(File.Exists(page), $"{descriptor.Id} has no page at rules/{descriptor.Id}.md");
            var text = File.ReadAllText(page);
            Assert.StartsWith("# " + descriptor.Id + ": ", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_page_belongs_to_a_descriptor()
    {
        var ids = AllDescriptors.Select(d => d.Id).ToHashSet();
        var pages = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "rules"), "MIG*.md").Select(Path.GetFileNameWithoutExtension);
        Assert.All(pages, page => Assert.Contains(page!, ids));
    }

    [Fact]
    public void Every_descriptor_is_in_release_tracking_once_with_its_category_and_severity()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "AnalyzerReleases.Shipped.md"))
            .Concat(File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "AnalyzerReleases.Unshipped.md")))
            .Where(line => line.StartsWith("MIG", StringComparison.Ordinal))
            .Select(line => line.Split('|').Select(part => part.Trim()).ToArray())
            .ToList();
        foreach (var descriptor in AllDescriptors)
        {
            var entries = lines.Where(columns => columns[0] == descriptor.Id).ToList();
            Assert.True(entries.Count == 1, $"{descriptor.Id} has {entries.Count} release entries");
            Assert.Equal(descriptor.Category, entries[0][1]);
            Assert.Equal(descriptor.DefaultSeverity.ToString(), entries[0][2]);
        }
    }

    [Fact]
    public void Every_descriptor_is_named_by_some_rule_test()
    {
        // A descriptor made from a pack has no analyzer class of its own; its tests name its ID (Diagnostic("MIG3001"),
        // {|MIG2102:…|}), so the ID is what is looked for, in the test sources outside the bookkeeping folders.
        var root = Path.Combine(RepositoryPaths.Root, "tests", "MigrationAnalyzers.Tests");
        var sources = Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !path.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !path.Contains(Path.DirectorySeparatorChar + "Consistency" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !path.Contains(Path.DirectorySeparatorChar + "Documentation" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .ToList();
        var untested = AllDescriptors
            .Where(descriptor => !sources.Any(text => System.Text.RegularExpressions.Regex.IsMatch(text, @"\b" + descriptor.Id + @"\b")))
            .Select(descriptor => descriptor.Id);
        Assert.Empty(untested);
    }

    [Fact]
    public void Every_descriptor_is_reported_by_some_analyzer()
    {
        var supported = AllAnalyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet();
        Assert.All(AllDescriptors, descriptor => Assert.Contains(descriptor.Id, supported));
    }
}
