using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using MigrationAnalyzers.Descriptors;
using MigrationAnalyzers.RulePacks;

namespace MigrationAnalyzers.Tests.Rules.ApiMigration;

/// <summary>The keys that make a built-in rule's descriptor from its pack: title, description, tags, message-format, category.</summary>
public class PackDescriptorKeysTests
{
    private const string Pack = """
        pack = acme
        category = FrameworkUpgrade

        [ACME001.First]
        title = Acme calls break
        description = Acme 3 removed the calls.
        tags = MigrationAnalyzers.OptIn
        message-format = On {target}, '{api}' {message}
        message = throws
        severity = info
        match = M:Acme.Client.Send
        report-on = expression

        [ACME001.Second]
        message = is gone
        severity = info
        match = M:Acme.Client.*
        """;

    private static RulePack Parse(string text) => RulePackParser.Parse(SourceText.From(text), "test.migrationpack", "test", isBuiltIn: true);

    [Fact]
    public void A_family_gets_one_descriptor_from_the_rule_that_has_a_title()
    {
        var pack = Parse(Pack);
        Assert.Empty(pack.Problems.Select(problem => problem.Message));
        var descriptor = PackDescriptors.Build(new[] { pack }).Single().Value.Descriptor;

        Assert.Equal("ACME001", descriptor.Id);
        Assert.Equal("Acme calls break", descriptor.Title.ToString());
        Assert.Equal("Acme 3 removed the calls.", descriptor.Description.ToString());
        Assert.Equal(RuleCategories.FrameworkUpgrade, descriptor.Category);
        Assert.Equal(DiagnosticSeverity.Info, descriptor.DefaultSeverity);
        Assert.Equal("On {2}, '{0}' {1}", descriptor.MessageFormat.ToString());
        Assert.Equal(new[] { Descriptors.Descriptors.RulePackTag, RuleTags.OptIn }, descriptor.CustomTags);
        Assert.Equal(Descriptors.Descriptors.HelpLink("ACME001"), descriptor.HelpLinkUri);
        Assert.True(pack.Rules[0].ReportsExpression);
        Assert.True(pack.Rules[1].Match.IsEveryMember);
    }

    [Fact]
    public void Without_a_message_format_the_message_is_the_only_argument()
        => Assert.Equal(new[] { MessageFormat.Message }, MessageFormat.Default.Arguments.ToArray());

    [Theory]
    [InlineData("description = Text")]
    [InlineData("message-format = On {target}: {message}")]
    public void A_description_without_a_title_drops_the_rule(string line)
    {
        var pack = Parse("[ACME002]\nmessage = m\nmatch = M:Acme.Client.Send\n" + line + "\n");
        Assert.Empty(pack.Rules);
        Assert.Contains(pack.Problems, problem => problem.Message.Contains("need its 'title", System.StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("On {target}", "the format must contain {message}")]
    [InlineData("{message} in {file}", "only {api}, {message} and {target} may appear in braces")]
    public void A_message_format_names_only_known_placeholders(string format, string error)
    {
        Assert.Null(MessageFormat.Parse(format, out var problem));
        Assert.Equal(error, problem);
    }
}
