using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;
using Microsoft.CodeAnalysis.Testing;

namespace MigrationAnalyzers.Tests.Infrastructure;

/// <summary>
/// Every package a <see cref="TestReferences"/> set names is downloaded by <c>dotnet restore</c> (a PackageDownload of
/// the test project), so the reference resolver finds it in the packages folder instead of fetching it inside the tests.
/// </summary>
public class TestReferencesAreRestoredTests
{
    [Fact]
    public void The_test_project_downloads_every_package_of_every_reference_set()
    {
        var project = XDocument.Load(Path.Combine(RepositoryPaths.Root, "tests", "MigrationAnalyzers.Tests", "MigrationAnalyzers.Tests.csproj"));
        var downloaded = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in project.Descendants("PackageDownload"))
        {
            foreach (var version in ((string?)item.Attribute("Version") ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                downloaded.Add((string)item.Attribute("Include")! + " " + version.Trim('[', ']'));
            }
        }

        var missing = Sets()
            .SelectMany(set => set.Packages.Append(set.ReferenceAssemblyPackage))
            .Where(package => package is not null)
            .Select(package => package!.Id + " " + package.Version)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(package => !downloaded.Contains(package))
            .OrderBy(package => package, StringComparer.Ordinal)
            .ToList();
        Assert.True(missing.Count == 0, "Add a PackageDownload to MigrationAnalyzers.Tests.csproj for: " + string.Join(", ", missing));
    }

    private static IEnumerable<ReferenceAssemblies> Sets()
    {
        foreach (var field in typeof(TestReferences).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (field.GetValue(null) is ReferenceAssemblies references)
            {
                yield return references;
            }
        }

        yield return TestReferences.EfCoreRelational("6.0.7");
    }
}
