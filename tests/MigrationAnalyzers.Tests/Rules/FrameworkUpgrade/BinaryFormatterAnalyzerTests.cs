using System.Threading.Tasks;
using MigrationAnalyzers.Rules.ApiMigration;
using MigrationAnalyzers.Rules.Configuration;
using MigrationAnalyzers.Settings;
using Verifier = MigrationAnalyzers.Tests.Infrastructure.Verify<MigrationAnalyzers.Rules.ApiMigration.RulePackAnalyzer>;

namespace MigrationAnalyzers.Tests.Rules.FrameworkUpgrade;

public class BinaryFormatterAnalyzerTests
{
    private const string Cache = """
        using System.IO;
        using System.Runtime.Serialization.Formatters.Binary;

        namespace Shop.Caching
        {
            public static class SessionCache
            {
                public static byte[] Save(object session)
                {
                    var formatter = new BinaryFormatter();
                    using (var stream = new MemoryStream())
                    {
                        formatter.Serialize(stream, session);
                        return stream.ToArray();
                    }
                }

                public static object Load(byte[] data)
                {
                    using (var stream = new MemoryStream(data))
                    {
                        return new BinaryFormatter().Deserialize(stream);
                    }
                }
            }
        }
        """;

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult[] Expected(string target, int lineOffset = 0) => new[]
    {
        Verifier.Diagnostic("MIG3001").WithSpan(13 + lineOffset, 17, 13 + lineOffset, 53).WithArguments("BinaryFormatter.Serialize", "is obsolete (SYSLIB0011) and throws PlatformNotSupportedException from .NET 9", target),
        Verifier.Diagnostic("MIG3001").WithSpan(22 + lineOffset, 24, 22 + lineOffset, 65).WithArguments("BinaryFormatter.Deserialize", "is obsolete (SYSLIB0011) and throws PlatformNotSupportedException from .NET 9", target),
    };

    [Fact]
    public Task Net48_project_without_an_upgrade_target_is_silent()
        => Upgrade.AnalyzeAsync<RulePackAnalyzer>(Framework.Net48, upgradeTarget: null, Cache);

    [Fact]
    public Task Net48_project_moving_to_net10_is_reported()
        => Upgrade.AnalyzeAsync<RulePackAnalyzer>(Framework.Net48, "net10.0", Cache, Expected(".NET 10.0"));

    [Fact]
    public Task Net48_project_moving_to_netcoreapp31_is_silent_because_the_change_came_with_NET_5()
        => Upgrade.AnalyzeAsync<RulePackAnalyzer>(Framework.Net48, "netcoreapp3.1", Cache);

    [Fact]
    public Task Net10_project_is_reported_from_its_own_TargetFramework()
        => Upgrade.AnalyzeAsync<RulePackAnalyzer>(Framework.Net100, null, "net10.0", Cache.Replace("using System.IO;", "#pragma warning disable SYSLIB0011\nusing System.IO;"), Expected(".NET 10.0", lineOffset: 1));

    [Fact]
    public Task Net8_project_without_TargetFramework_falls_back_to_the_referenced_core_library()
        => Upgrade.AnalyzeAsync<RulePackAnalyzer>(Framework.Net80, null, Cache.Replace("using System.IO;", "#pragma warning disable SYSLIB0011\nusing System.IO;"), Expected(".NET 8.0", lineOffset: 1));

    [Fact]
    public Task Upgrade_target_wins_over_the_project_TargetFramework()
        => Upgrade.AnalyzeAsync<RulePackAnalyzer>(Framework.Net48, "net9.0", "net48", Cache, Expected(".NET 9.0"));

    [Fact]
    public Task A_user_type_named_BinaryFormatter_is_not_the_BCL_one()
        => Upgrade.AnalyzeAsync<RulePackAnalyzer>(Framework.Net48, "net10.0", """
            namespace Shop.Serialization
            {
                public sealed class BinaryFormatter
                {
                    public void Serialize(System.IO.Stream stream, object value) { }
                }

                public static class Writer
                {
                    public static void Write(System.IO.Stream stream) => new BinaryFormatter().Serialize(stream, 42);
                }
            }
            """);

    [Fact]
    public Task A_misspelt_upgrade_target_falls_back_to_the_project_framework()
        => Upgrade.AnalyzeAsync<RulePackAnalyzer>(Framework.Net48, "net10", Cache);

    [Fact]
    public Task A_misspelt_upgrade_target_is_reported_by_MIG9001()
        => Upgrade.AnalyzeAsync<InvalidSettingAnalyzer>(Framework.Net48, "net10", "class C { }",
            Infrastructure.Verify<InvalidSettingAnalyzer>.Diagnostic("MIG9001").WithArguments(SettingKeys.UpgradeTarget, "net10", "expected a target framework moniker such as net10.0, net8.0, netcoreapp3.1 or net48"));
}
