using System.Threading.Tasks;
using MigrationAnalyzers.Rules.ApiMigration;
using Verifier = MigrationAnalyzers.Tests.Infrastructure.Verify<MigrationAnalyzers.Rules.ApiMigration.RulePackAnalyzer>;

namespace MigrationAnalyzers.Tests.Rules.FrameworkUpgrade;

public class AppDomainAndRemotingAnalyzerTests
{
    private const string PluginHost = """
        using System;

        namespace Shop.Plugins
        {
            public sealed class PluginHost
            {
                public void RunIsolated(string assemblyFile)
                {
                    AppDomain domain = AppDomain.CreateDomain("plugin");
                    try
                    {
                        domain.ExecuteAssembly(assemblyFile);
                    }
                    finally
                    {
                        AppDomain.Unload(domain);
                    }
                }
            }
        }
        """;

    [Fact]
    public Task Net48_without_upgrade_target_is_silent()
        => Upgrade.AnalyzeAsync<RulePackAnalyzer>(Framework.Net48, null, PluginHost);

    [Fact]
    public Task Net48_moving_to_net10_reports_creation_and_unloading()
        => Upgrade.AnalyzeAsync<RulePackAnalyzer>(Framework.Net48, "net10.0", PluginHost,
            Verifier.Diagnostic("MIG3003").WithSpan(9, 32, 9, 64).WithArguments("AppDomain.CreateDomain", "throws PlatformNotSupportedException; isolate with AssemblyLoadContext or a separate process", ".NET 10.0"),
            Verifier.Diagnostic("MIG3003").WithSpan(16, 17, 16, 41).WithArguments("AppDomain.Unload", "throws PlatformNotSupportedException; use a collectible AssemblyLoadContext and call its Unload", ".NET 10.0"));

    [Fact]
    public Task Net48_remoting_is_reported_when_moving()
        => Upgrade.AnalyzeAsync<RulePackAnalyzer>(Framework.Net48, "net8.0", """
            using System;
            using System.Runtime.Remoting;

            public sealed class Calculator : MarshalByRefObject
            {
                public int Add(int a, int b) => a + b;

                public static ObjRef Publish(Calculator calculator) => RemotingServices.Marshal(calculator, "calc");
            }
            """,
            Verifier.Diagnostic("MIG3003").WithSpan(8, 60, 8, 104).WithArguments("RemotingServices.Marshal", "does not exist (no .NET Remoting)", ".NET 8.0"));

    [Fact]
    public Task Net10_project_is_reported_where_the_code_still_compiles()
        => Upgrade.AnalyzeAsync<RulePackAnalyzer>(Framework.Net100, null, "#pragma warning disable SYSLIB0024\n" + PluginHost,
            Verifier.Diagnostic("MIG3003").WithSpan(10, 32, 10, 64).WithArguments("AppDomain.CreateDomain", "throws PlatformNotSupportedException; isolate with AssemblyLoadContext or a separate process", ".NET 10.0"),
            Verifier.Diagnostic("MIG3003").WithSpan(17, 17, 17, 41).WithArguments("AppDomain.Unload", "throws PlatformNotSupportedException; use a collectible AssemblyLoadContext and call its Unload", ".NET 10.0"));

    [Fact]
    public Task Net48_CallContext_is_reported_when_moving()
        => Upgrade.AnalyzeAsync<RulePackAnalyzer>(Framework.Net48, "net10.0", """
            using System.Runtime.Remoting.Messaging;

            public static class CorrelationScope
            {
                public static void Begin(string id) => CallContext.LogicalSetData("CorrelationId", id);

                public static string Current => (string)CallContext.LogicalGetData("CorrelationId");
            }
            """,
            Verifier.Diagnostic("MIG3003").WithSpan(5, 44, 5, 91).WithArguments("CallContext.LogicalSetData", "does not exist (no .NET Remoting); flow ambient data with AsyncLocal<T>", ".NET 10.0"),
            Verifier.Diagnostic("MIG3003").WithSpan(7, 45, 7, 88).WithArguments("CallContext.LogicalGetData", "does not exist (no .NET Remoting); flow ambient data with AsyncLocal<T>", ".NET 10.0"));

    [Fact]
    public Task Net10_current_domain_use_is_silent()
        => Upgrade.AnalyzeAsync<RulePackAnalyzer>(Framework.Net100, null, """
            using System;

            public static class Info
            {
                public static string Describe() => AppDomain.CurrentDomain.FriendlyName + AppDomain.CurrentDomain.BaseDirectory;
            }
            """);
}
