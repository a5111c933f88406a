using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using static MigrationAnalyzers.Descriptors.Descriptors;

namespace MigrationAnalyzers.Rules.FrameworkUpgrade;

/// <summary>
/// MIG3003: second application domains and .NET Remoting. AppDomain.CreateDomain/Unload and the lifetime-service
/// members of MarshalByRefObject compile on .NET Core but throw; the remoting entry points exist only on .NET Framework,
/// so they are found while the project still builds there.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AppDomainAndRemotingAnalyzer : ApiUsageAnalyzer
{
    private const string Throws = "throws PlatformNotSupportedException";
    private const string Gone = "does not exist (no .NET Remoting)";

    public AppDomainAndRemotingAnalyzer()
        : base(ImmutableArray.Create(
            new UpgradeApi(MIG3003_AppDomainOrRemoting, "System.AppDomain", "CreateDomain", UpgradeApi.NetCore1, Throws + "; isolate with AssemblyLoadContext or a separate process"),
            new UpgradeApi(MIG3003_AppDomainOrRemoting, "System.AppDomain", "Unload", UpgradeApi.NetCore1, Throws + "; use a collectible AssemblyLoadContext and call its Unload"),
            new UpgradeApi(MIG3003_AppDomainOrRemoting, "System.MarshalByRefObject", "GetLifetimeService", UpgradeApi.NetCore1, Throws + " (SYSLIB0010)"),
            new UpgradeApi(MIG3003_AppDomainOrRemoting, "System.MarshalByRefObject", "InitializeLifetimeService", UpgradeApi.NetCore1, Throws + " (SYSLIB0010)"),
            new UpgradeApi(MIG3003_AppDomainOrRemoting, "System.Runtime.Remoting.RemotingServices", null, UpgradeApi.NetCore1, Gone),
            new UpgradeApi(MIG3003_AppDomainOrRemoting, "System.Runtime.Remoting.RemotingConfiguration", null, UpgradeApi.NetCore1, Gone),
            new UpgradeApi(MIG3003_AppDomainOrRemoting, "System.Runtime.Remoting.Channels.ChannelServices", null, UpgradeApi.NetCore1, Gone),
            new UpgradeApi(MIG3003_AppDomainOrRemoting, "System.Runtime.Remoting.Lifetime.LifetimeServices", null, UpgradeApi.NetCore1, Gone),
            new UpgradeApi(MIG3003_AppDomainOrRemoting, "System.Runtime.Remoting.Messaging.CallContext", null, UpgradeApi.NetCore1, Gone + "; flow ambient data with AsyncLocal<T>")))
    {
    }
}
