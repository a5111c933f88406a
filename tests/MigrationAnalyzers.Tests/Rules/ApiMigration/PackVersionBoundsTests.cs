using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using MigrationAnalyzers.RulePacks;

namespace MigrationAnalyzers.Tests.Rules.ApiMigration;

/// <summary>
/// Every <c>requires</c> bound of every built-in pack rule, on both sides of its version line: a compilation that
/// references the assembly at a version just inside the bound meets it, one just outside does not. The packs' own
/// tests show the rules on the real old and new packages; this keeps every bound honest, including ones added later.
/// </summary>
public class PackVersionBoundsTests
{
    public static IEnumerable<object[]> Bounds()
        => BuiltInPacks.All
            .SelectMany(pack => pack.Rules)
            .SelectMany(rule => rule.Requires.SelectMany(requirement => requirement.Range.Bounds.Select(bound => new object[]
            {
                rule.PackName, rule.Id, requirement.AssemblyName, bound.Operator, bound.Version.ToString(),
            })))
            .GroupBy(row => string.Join("|", row.Skip(2)))
            .Select(group => group.First());

    [Theory]
    [MemberData(nameof(Bounds))]
    public void Each_requires_bound_holds_on_its_side_of_the_version_line_only(string pack, string rule, string assembly, string op, string version)
    {
        var requirement = BuiltInPacks.All.Single(p => p.Name == pack).Rules.First(r => r.Id == rule).Requires.First(r => r.AssemblyName == assembly);
        var line = Version.Parse(version);
        var below = Below(line);
        var above = new Version(line.Major, line.Minor, Math.Max(line.Build, 0) + 1, 0);
        var (inside, outside) = op switch
        {
            ">=" => (new[] { line, above }, new[] { below }),
            ">" => (new[] { above }, new[] { line, below }),
            "<=" => (new[] { line, below }, new[] { above }),
            "<" => (new[] { below }, new[] { line, above }),
            _ => (new[] { line }, new[] { below, above }),
        };

        // The other bounds of the same range may rule a version out: only this bound's verdict is checked.
        var others = requirement.Range.Bounds.Where(b => !(b.Operator == op && b.Version == line)).ToList();
        foreach (var candidate in inside.Where(v => others.All(b => Holds(b.Operator, b.Version, v))))
        {
            Assert.True(requirement.IsMetBy(Referencing(assembly, candidate)), $"{pack} {rule}: {assembly} {candidate} should meet '{requirement}'");
        }

        foreach (var candidate in outside)
        {
            Assert.False(requirement.IsMetBy(Referencing(assembly, candidate)), $"{pack} {rule}: {assembly} {candidate} should not meet '{requirement}'");
        }
    }

    private static Version Below(Version line)
        => line.Build > 0 ? new Version(line.Major, line.Minor, line.Build - 1, 0)
            : line.Minor > 0 ? new Version(line.Major, line.Minor - 1, 9999, 0)
            : new Version(Math.Max(line.Major - 1, 0), 9999, 0, 0);

    private static bool Holds(string op, Version bound, Version version)
    {
        var compared = version.CompareTo(bound);
        return op switch { ">=" => compared >= 0, ">" => compared > 0, "<=" => compared <= 0, "<" => compared < 0, _ => compared == 0 };
    }

    /// <summary>A compilation that references an assembly named <paramref name="name"/> at <paramref name="version"/>.</summary>
    private static Compilation Referencing(string name, Version version)
    {
        var core = MetadataReference.CreateFromFile(typeof(object).Assembly.Location);
        var library = CSharpCompilation.Create(
            name,
            new[] { CSharpSyntaxTree.ParseText($"[assembly: System.Reflection.AssemblyVersion(\"{version}\")] public class Marker {{ }}") },
            new[] { core },
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        Assert.True(library.Emit(image).Success);
        var consumer = CSharpCompilation.Create(
            "Consumer",
            new[] { CSharpSyntaxTree.ParseText("public class Use { Marker M; }") },
            new[] { core, MetadataReference.CreateFromImage(image.ToArray()) },
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        return consumer;
    }
}
