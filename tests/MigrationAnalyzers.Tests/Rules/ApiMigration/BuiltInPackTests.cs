using System;
using System.Linq;
using MigrationAnalyzers.RulePacks;

namespace MigrationAnalyzers.Tests.Rules.ApiMigration;

/// <summary>The built-in packs load cleanly and every rule has its own descriptor.</summary>
public class BuiltInPackTests
{
    [Fact]
    public void Built_in_packs_are_embedded_and_parse_without_problems()
    {
        Assert.Contains("newtonsoft-json", BuiltInPacks.Names);
        Assert.Contains("efcore", BuiltInPacks.Names);
        Assert.Contains("aspnetcore-hosting", BuiltInPacks.Names);
        foreach (var pack in BuiltInPacks.All)
        {
            Assert.True(pack.Problems.IsEmpty, pack.Name + ": " + string.Join("; ", pack.Problems.Select(p => p.LineSpan.Start.Line + 1 + ": " + p.Message)));
            Assert.NotEmpty(pack.Rules);
        }
    }

    [Fact]
    public void Every_built_in_rule_reports_under_its_own_descriptor_with_the_same_severity()
    {
        foreach (var rule in BuiltInPacks.All.SelectMany(pack => pack.Rules))
        {
            var descriptor = PackDescriptors.For(rule, isBuiltIn: true);
            Assert.Equal(FamilyId(rule.Id), descriptor.Id);
            Assert.Equal(rule.Severity, descriptor.DefaultSeverity);
        }
    }

    [Fact]
    public void Every_pack_descriptor_has_a_built_in_rule()
    {
        var ruleIds = BuiltInPacks.All.SelectMany(pack => pack.Rules).Select(rule => FamilyId(rule.Id)).ToHashSet();
        Assert.All(PackDescriptors.All, descriptor => Assert.Contains(descriptor.Id, ruleIds));
    }

    [Fact]
    public void Every_built_in_ID_is_described_by_exactly_one_rule_of_its_pack()
    {
        var described = BuiltInPacks.All.SelectMany(pack => pack.Rules).Where(rule => rule.Description is not null).GroupBy(rule => FamilyId(rule.Id));
        Assert.All(described, family => Assert.True(family.Count() == 1, family.Key + " has a title on " + family.Count() + " rules"));
    }

    [Theory]
    [InlineData("all", null)]
    [InlineData("none", null)]
    [InlineData("efcore, newtonsoft-json", null)]
    [InlineData("efcore, nosuchpack", "unknown built-in pack 'nosuchpack'")]
    public void Builtin_packs_setting_is_validated(string value, string? problemStart)
    {
        var problem = BuiltInPacksSetting.Validate(value);
        if (problemStart is null)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.StartsWith(problemStart, problem, StringComparison.Ordinal);
        }
    }

    /// <summary><c>[MIG3121.SHA256Managed]</c> belongs to the family MIG3121 and reports under it.</summary>
    private static string FamilyId(string ruleId)
        => ruleId.IndexOf('.') is var dot and > 0 ? ruleId.Substring(0, dot) : ruleId;
}
