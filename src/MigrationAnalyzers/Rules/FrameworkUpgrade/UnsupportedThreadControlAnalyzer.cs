using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using static MigrationAnalyzers.Descriptors.Descriptors;

namespace MigrationAnalyzers.Rules.FrameworkUpgrade;

/// <summary>
/// MIG3002: Thread.Abort, ResetAbort, Suspend and Resume. They are still in the reference assemblies, so the code
/// compiles after the move, but every one of them throws PlatformNotSupportedException on .NET Core.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnsupportedThreadControlAnalyzer : ApiUsageAnalyzer
{
    private const string Thread = "System.Threading.Thread";
    private const string Throws = "throws PlatformNotSupportedException";

    public UnsupportedThreadControlAnalyzer()
        : base(ImmutableArray.Create(
            new UpgradeApi(MIG3002_UnsupportedThreadControl, Thread, "Abort", UpgradeApi.NetCore1, Throws + "; stop the work with a CancellationToken"),
            new UpgradeApi(MIG3002_UnsupportedThreadControl, Thread, "ResetAbort", UpgradeApi.NetCore1, Throws + "; threads are never aborted there"),
            new UpgradeApi(MIG3002_UnsupportedThreadControl, Thread, "Suspend", UpgradeApi.NetCore1, Throws + "; pause the work with a signal such as ManualResetEventSlim"),
            new UpgradeApi(MIG3002_UnsupportedThreadControl, Thread, "Resume", UpgradeApi.NetCore1, Throws + "; pause the work with a signal such as ManualResetEventSlim")))
    {
    }
}
