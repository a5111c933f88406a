using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using MigrationAnalyzers.RulePacks;
using MigrationAnalyzers.Settings;

namespace MigrationAnalyzers.Tests.Rules.ApiMigration;

public class RulePackLoaderTests
{
    private sealed class InMemoryFile : AdditionalText
    {
        private readonly string _text;

        public InMemoryFile(string path, string text)
        {
            Path = path;
            _text = text;
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(_text);
    }

    private const string Pack = """
        [TEAM001]
        message = use Volatile.Read
        match = M:System.Threading.Thread.VolatileRead(*)
        rewrite = move System.Threading.Volatile.Read
        """;

    [Fact]
    public void A_pack_is_parsed_once_per_content_and_again_after_an_edit()
    {
        var path = "/repo/" + System.Guid.NewGuid().ToString("N") + ".migrationpack";
        var first = RulePackLoader.ReadUserPack(new InMemoryFile(path, Pack), CancellationToken.None);
        var again = RulePackLoader.ReadUserPack(new InMemoryFile(path, Pack), CancellationToken.None);
        var edited = RulePackLoader.ReadUserPack(new InMemoryFile(path, Pack + "\nseverity = error\n"), CancellationToken.None);

        Assert.NotNull(first);
        Assert.Same(first, again);
        Assert.NotSame(first, edited);
        Assert.Equal(DiagnosticSeverity.Error, edited!.Rules.Single().Severity);
    }

    [Theory]
    [InlineData("M:Newtonsoft.Json.JsonConvert.SerializeObject(System.Object)", false, "SerializeObject")]
    [InlineData("M:Newtonsoft.Json.JsonConvert.SerializeObject(*)", true, "SerializeObject")]
    [InlineData("M:Newtonsoft.Json.JsonConvert.SerializeObject", true, "SerializeObject")]
    [InlineData("M:Newtonsoft.Json.JsonConvert.DeserializeObject``1(System.String)", false, "DeserializeObject")]
    [InlineData("M:System.Security.Cryptography.SHA256Managed.#ctor", true, "#ctor")]
    public void Documentation_ids_with_and_without_overload_wildcards(string id, bool allOverloads, string member)
    {
        var pattern = ApiPattern.Parse(id, out var error);
        Assert.Null(error);
        Assert.Equal(allOverloads, pattern!.AllOverloads);
        Assert.Equal(member, pattern.MemberName);
    }

    [Theory]
    [InlineData("net8.0", FrameworkFamily.NetCore, "8.0")]
    [InlineData("netcoreapp3.1", FrameworkFamily.NetCore, "3.1")]
    [InlineData("net48", FrameworkFamily.NetFramework, "4.8")]
    [InlineData("net472", FrameworkFamily.NetFramework, "4.7.2")]
    [InlineData("netstandard2.0", FrameworkFamily.NetStandard, "2.0")]
    [InlineData("net8.0-windows", FrameworkFamily.NetCore, "8.0")]
    public void Target_framework_monikers(string moniker, FrameworkFamily family, string version)
    {
        var framework = TargetFramework.Parse(moniker);
        Assert.Equal(family, framework!.Family);
        Assert.Equal(System.Version.Parse(version), framework.Version);
    }
}
