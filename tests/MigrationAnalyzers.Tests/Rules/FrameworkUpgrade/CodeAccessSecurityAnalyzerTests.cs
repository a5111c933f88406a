using System.Threading.Tasks;
using MigrationAnalyzers.Rules.FrameworkUpgrade;
using Verifier = MigrationAnalyzers.Tests.Infrastructure.Verify<MigrationAnalyzers.Rules.FrameworkUpgrade.CodeAccessSecurityAnalyzer>;

namespace MigrationAnalyzers.Tests.Rules.FrameworkUpgrade;

public class CodeAccessSecurityAnalyzerTests
{
    private const string Plugins = """
        using System.Security;
        using System.Security.Permissions;

        [assembly: SecurityPermission(SecurityAction.RequestMinimum, Execution = true)]

        namespace Shop.Plugins
        {
            public sealed class PluginLoader
            {
                [FileIOPermission(SecurityAction.Demand, Unrestricted = true)]
                public void Load(string folder)
                {
                    var read = new FileIOPermission(FileIOPermissionAccess.Read, folder);
                    read.Demand();
                    var sandbox = new PermissionSet(PermissionState.None);
                    sandbox.AddPermission(read);
                }
            }
        }
        """;

    [Fact]
    public Task Net48_without_upgrade_target_is_silent()
        => Upgrade.AnalyzeAsync<CodeAccessSecurityAnalyzer>(Framework.Net48, null, Plugins);

    [Fact]
    public Task Net48_moving_to_net8_reports_attributes_and_permission_objects()
        => Upgrade.AnalyzeAsync<CodeAccessSecurityAnalyzer>(Framework.Net48, "net8.0", Plugins,
            Verifier.Diagnostic("MIG3004").WithSpan(4, 12, 4, 79).WithArguments("[SecurityPermission]", ".NET 8.0"),
            Verifier.Diagnostic("MIG3004").WithSpan(10, 10, 10, 70).WithArguments("[FileIOPermission]", ".NET 8.0"),
            Verifier.Diagnostic("MIG3004").WithSpan(13, 24, 13, 81).WithArguments("new FileIOPermission", ".NET 8.0"),
            Verifier.Diagnostic("MIG3004").WithSpan(15, 27, 15, 66).WithArguments("new PermissionSet", ".NET 8.0"));

    [Fact]
    public Task Net10_project_reports_what_still_compiles_there()
        => Upgrade.AnalyzeAsync<CodeAccessSecurityAnalyzer>(Framework.Net100, null, """
            #pragma warning disable SYSLIB0003
            using System.Security;
            using System.Security.Permissions;

            public sealed class Guarded
            {
                [SecurityPermission(SecurityAction.Demand, UnmanagedCode = true)]
                public void CallNative() { }

                public PermissionSet Nothing() => new PermissionSet(PermissionState.None);
            }
            """,
            Verifier.Diagnostic("MIG3004").WithSpan(7, 6, 7, 69).WithArguments("[SecurityPermission]", ".NET 10.0"),
            Verifier.Diagnostic("MIG3004").WithSpan(10, 39, 10, 78).WithArguments("new PermissionSet", ".NET 10.0"));

    [Fact]
    public Task Net10_other_security_attributes_are_silent()
        => Upgrade.AnalyzeAsync<CodeAccessSecurityAnalyzer>(Framework.Net100, null, """
            using System.Security;

            [SecurityCritical]
            public sealed class Native
            {
                [SecuritySafeCritical]
                public void Call() { }
            }
            """);
}
