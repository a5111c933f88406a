using System.Threading.Tasks;
using MigrationAnalyzers.CodeFixes.FrameworkUpgrade;
using MigrationAnalyzers.Rules.FrameworkUpgrade;
using Verifier = MigrationAnalyzers.Tests.Infrastructure.Verify<MigrationAnalyzers.Rules.FrameworkUpgrade.DelegateAsyncInvocationAnalyzer>;

namespace MigrationAnalyzers.Tests.Rules.FrameworkUpgrade;

public class DelegateAsyncInvocationTests
{
    private const string Report = """
        using System;

        namespace Shop.Reports
        {
            public delegate decimal TotalCalculator(int year, string region);

            public sealed class ReportBuilder
            {
                private readonly TotalCalculator _calculate;

                public ReportBuilder(TotalCalculator calculate) { _calculate = calculate; }

                public decimal Build(int year)
                {
                    IAsyncResult pending = _calculate.BeginInvoke(year, "EU", null, null);
                    LoadTemplates();
                    return _calculate.EndInvoke(pending);
                }

                private void LoadTemplates() { }
            }
        }
        """;

    [Fact]
    public Task Net48_without_upgrade_target_is_silent()
        => Upgrade.AnalyzeAsync<DelegateAsyncInvocationAnalyzer>(Framework.Net48, null, Report);

    [Fact]
    public Task Net48_moving_to_net8_is_reported_on_BeginInvoke_only()
        => Upgrade.AnalyzeAsync<DelegateAsyncInvocationAnalyzer>(Framework.Net48, "net8.0", Report,
            Verifier.Diagnostic("MIG3005").WithSpan(15, 36, 15, 82).WithArguments("TotalCalculator.BeginInvoke", ".NET 8.0"));

    [Fact]
    public Task Net10_project_is_reported()
        => Upgrade.AnalyzeAsync<DelegateAsyncInvocationAnalyzer>(Framework.Net100, null, Report,
            Verifier.Diagnostic("MIG3005").WithSpan(15, 36, 15, 82).WithArguments("TotalCalculator.BeginInvoke", ".NET 10.0"));

    [Fact]
    public Task Synchronous_caller_gets_GetAwaiter_GetResult()
        => Upgrade.FixAsync<DelegateAsyncInvocationAnalyzer, DelegateAsyncInvocationCodeFix>(Framework.Net100, null,
            Report.Replace("IAsyncResult pending = _calculate.BeginInvoke", "IAsyncResult pending = [|_calculate.BeginInvoke").Replace("null, null);", "null, null)|];"),
            """
            using System;
            using System.Threading.Tasks;

            namespace Shop.Reports
            {
                public delegate decimal TotalCalculator(int year, string region);

                public sealed class ReportBuilder
                {
                    private readonly TotalCalculator _calculate;

                    public ReportBuilder(TotalCalculator calculate) { _calculate = calculate; }

                    public decimal Build(int year)
                    {
                        var pending = Task.Run(() => _calculate(year, "EU"));
                        LoadTemplates();
                        return pending.GetAwaiter().GetResult();
                    }

                    private void LoadTemplates() { }
                }
            }
            """);

    [Fact]
    public Task Async_caller_gets_await()
        => Upgrade.FixAsync<DelegateAsyncInvocationAnalyzer, DelegateAsyncInvocationCodeFix>(Framework.Net100, "net10.0", """
            using System;
            using System.Threading.Tasks;

            public static class Importer
            {
                public static async Task<string> ImportAsync(Func<string, int> parse, string file)
                {
                    await Task.Yield();
                    var result = [|parse.BeginInvoke(file, null, null)|];
                    return (parse.EndInvoke(result) + 1).ToString();
                }
            }
            """, """
            using System;
            using System.Threading.Tasks;

            public static class Importer
            {
                public static async Task<string> ImportAsync(Func<string, int> parse, string file)
                {
                    await Task.Yield();
                    var result = Task.Run(() => parse(file));
                    return (await result + 1).ToString();
                }
            }
            """);

    [Fact]
    public Task Fire_and_forget_becomes_Task_Run()
        => Upgrade.FixAsync<DelegateAsyncInvocationAnalyzer, DelegateAsyncInvocationCodeFix>(Framework.Net100, null, """
            using System;

            public sealed class AuditLog
            {
                private static readonly Action<string> Write = message => Console.WriteLine(message);

                public void Record(string user)
                {
                    [|Write.BeginInvoke("login " + user, null, null)|];
                }
            }
            """, """
            using System;
            using System.Threading.Tasks;

            public sealed class AuditLog
            {
                private static readonly Action<string> Write = message => Console.WriteLine(message);

                public void Record(string user)
                {
                    Task.Run(() => Write("login " + user));
                }
            }
            """);

    [Fact]
    public Task No_fix_when_an_argument_changes_before_the_lambda_would_read_it()
    {
        const string Loop = """
            using System;

            public static class Batch
            {
                public static void Run(Action<int> work)
                {
                    for (var i = 0; i < 3; i++)
                    {
                        [|work.BeginInvoke(i, null, null)|];
                    }
                }
            }
            """;
        return Upgrade.FixAsync<DelegateAsyncInvocationAnalyzer, DelegateAsyncInvocationCodeFix>(Framework.Net100, null, Loop, Loop);
    }

    [Fact]
    public Task No_fix_when_an_argument_is_reassigned_by_deconstruction()
    {
        const string Swap = """
            using System;

            public static class Batch
            {
                public static void Run(Action<int> work, int first, int second)
                {
                    [|work.BeginInvoke(first, null, null)|];
                    (first, second) = (second, first);
                }
            }
            """;
        return Upgrade.FixAsync<DelegateAsyncInvocationAnalyzer, DelegateAsyncInvocationCodeFix>(Framework.Net100, null, Swap, Swap);
    }

    [Fact]
    public Task No_fix_with_a_callback()
    {
        const string Callback = """
            using System;

            public static class Batch
            {
                public static void Run(Action<int> work, AsyncCallback done)
                {
                    [|work.BeginInvoke(1, done, null)|];
                }
            }
            """;
        return Upgrade.FixAsync<DelegateAsyncInvocationAnalyzer, DelegateAsyncInvocationCodeFix>(Framework.Net100, null, Callback, Callback);
    }

    [Fact]
    public Task No_fix_when_the_IAsyncResult_is_also_waited_on()
    {
        const string Waits = """
            using System;

            public static class Batch
            {
                public static int Run(Func<int> work)
                {
                    var pending = [|work.BeginInvoke(null, null)|];
                    pending.AsyncWaitHandle.WaitOne(1000);
                    return work.EndInvoke(pending);
                }
            }
            """;
        return Upgrade.FixAsync<DelegateAsyncInvocationAnalyzer, DelegateAsyncInvocationCodeFix>(Framework.Net100, null, Waits, Waits);
    }
}
