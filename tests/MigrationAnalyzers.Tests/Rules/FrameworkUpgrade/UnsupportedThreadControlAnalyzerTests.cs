using System.Threading.Tasks;
using MigrationAnalyzers.Rules.ApiMigration;
using Verifier = MigrationAnalyzers.Tests.Infrastructure.Verify<MigrationAnalyzers.Rules.ApiMigration.RulePackAnalyzer>;

namespace MigrationAnalyzers.Tests.Rules.FrameworkUpgrade;

public class UnsupportedThreadControlAnalyzerTests
{
    private const string Worker = """
        using System.Threading;

        namespace Shop.Jobs
        {
            public sealed class ImportWorker
            {
                private readonly Thread _thread;

                public ImportWorker(ThreadStart work) { _thread = new Thread(work); }

                public void Cancel()
                {
                    try
                    {
                        _thread.Abort();
                    }
                    catch (ThreadAbortException)
                    {
                        Thread.ResetAbort();
                    }
                }

                public void Pause() => _thread.Suspend();

                public bool IsAlive => _thread.IsAlive;
            }
        }
        """;

    private const string Pragma = "#pragma warning disable SYSLIB0006, CS0618\n";

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult[] Expected(string target, int offset = 0) => new[]
    {
        Verifier.Diagnostic("MIG3002").WithSpan(15 + offset, 17, 15 + offset, 32).WithArguments("Thread.Abort", "throws PlatformNotSupportedException; stop the work with a CancellationToken", target),
        Verifier.Diagnostic("MIG3002").WithSpan(19 + offset, 17, 19 + offset, 36).WithArguments("Thread.ResetAbort", "throws PlatformNotSupportedException; threads are never aborted there", target),
        Verifier.Diagnostic("MIG3002").WithSpan(23 + offset, 32, 23 + offset, 49).WithArguments("Thread.Suspend", "throws PlatformNotSupportedException; pause the work with a signal such as ManualResetEventSlim", target),
    };

    [Fact]
    public Task Net48_without_upgrade_target_is_silent()
        => Upgrade.AnalyzeAsync<RulePackAnalyzer>(Framework.Net48, null, Worker);

    [Fact]
    public Task Net48_moving_to_net8_is_reported()
        => Upgrade.AnalyzeAsync<RulePackAnalyzer>(Framework.Net48, "net8.0", Worker, Expected(".NET 8.0"));

    [Fact]
    public Task Net48_moving_to_netcoreapp31_is_reported_because_it_applies_to_every_NET_Core()
        => Upgrade.AnalyzeAsync<RulePackAnalyzer>(Framework.Net48, "netcoreapp3.1", Worker, Expected(".NET Core 3.1"));

    [Fact]
    public Task Net10_project_is_reported()
        => Upgrade.AnalyzeAsync<RulePackAnalyzer>(Framework.Net100, null, Pragma + Worker, Expected(".NET 10.0", offset: 1));

    [Fact]
    public Task Net10_project_that_stops_work_cooperatively_is_silent()
        => Upgrade.AnalyzeAsync<RulePackAnalyzer>(Framework.Net100, null, """
            using System.Threading;

            public sealed class ImportWorker
            {
                private readonly CancellationTokenSource _stop = new CancellationTokenSource();
                public void Cancel() { _stop.Cancel(); Thread.Sleep(10); Thread.CurrentThread.Interrupt(); }
            }
            """);
}
