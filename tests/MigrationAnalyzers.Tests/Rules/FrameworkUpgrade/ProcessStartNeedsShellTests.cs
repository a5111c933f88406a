using System.Threading.Tasks;
using MigrationAnalyzers.CodeFixes.FrameworkUpgrade;
using MigrationAnalyzers.Rules.FrameworkUpgrade;
using Verifier = MigrationAnalyzers.Tests.Infrastructure.Verify<MigrationAnalyzers.Rules.FrameworkUpgrade.ProcessStartNeedsShellAnalyzer>;

namespace MigrationAnalyzers.Tests.Rules.FrameworkUpgrade;

public class ProcessStartNeedsShellTests
{
    private const string Help = """
        using System.Diagnostics;

        namespace Shop.Desktop
        {
            public static class HelpMenu
            {
                private const string Manual = @"docs\Manual.pdf";

                public static void OpenWebsite() => Process.Start("https://shop.example.com/help");

                public static void OpenManual() => Process.Start(Manual);

                public static void OpenOrder(int id) => Process.Start($"https://shop.example.com/orders/{id}");

                public static void OpenExports() => Process.Start("exports/");

                public static void RunTool(string file) => Process.Start("tools\\convert.exe", file);

                public static void RunNotepad() => Process.Start("notepad");

                public static void OpenUnknown(string target) => Process.Start(target);
            }
        }
        """;

    [Fact]
    public Task Net48_without_upgrade_target_is_silent()
        => Upgrade.AnalyzeAsync<ProcessStartNeedsShellAnalyzer>(Framework.Net48, null, Help);

    [Fact]
    public Task Net48_moving_to_net8_reports_urls_documents_and_folders_but_not_executables()
        => Upgrade.AnalyzeAsync<ProcessStartNeedsShellAnalyzer>(Framework.Net48, "net8.0", Help,
            Verifier.Diagnostic("MIG3006").WithSpan(9, 45, 9, 91).WithArguments("a URL", ".NET 8.0"),
            Verifier.Diagnostic("MIG3006").WithSpan(11, 44, 11, 65).WithArguments("a document", ".NET 8.0"),
            Verifier.Diagnostic("MIG3006").WithSpan(13, 49, 13, 103).WithArguments("a URL", ".NET 8.0"),
            Verifier.Diagnostic("MIG3006").WithSpan(15, 45, 15, 70).WithArguments("a folder", ".NET 8.0"));

    [Fact]
    public Task Net10_project_that_already_sets_UseShellExecute_is_silent()
        => Upgrade.AnalyzeAsync<ProcessStartNeedsShellAnalyzer>(Framework.Net100, null, """
            using System.Diagnostics;

            public static class HelpMenu
            {
                public static void OpenWebsite() => Process.Start(new ProcessStartInfo("https://shop.example.com/help") { UseShellExecute = true });
            }
            """);

    [Fact]
    public Task Fix_wraps_the_file_and_arguments_in_a_ProcessStartInfo_that_uses_the_shell()
        => Upgrade.FixAsync<ProcessStartNeedsShellAnalyzer, ProcessStartNeedsShellCodeFix>(Framework.Net100, null, """
            using System.Diagnostics;

            public static class HelpMenu
            {
                public static Process OpenWebsite() => [|Process.Start("https://shop.example.com/help")|];

                public static void OpenReport(string page)
                {
                    var viewer = [|Process.Start(@"reports\Q3.html", page)|];
                    viewer?.WaitForExit();
                }
            }
            """, """
            using System.Diagnostics;

            public static class HelpMenu
            {
                public static Process OpenWebsite() => Process.Start(new ProcessStartInfo("https://shop.example.com/help") { UseShellExecute = true });

                public static void OpenReport(string page)
                {
                    var viewer = Process.Start(new ProcessStartInfo(@"reports\Q3.html", page) { UseShellExecute = true });
                    viewer?.WaitForExit();
                }
            }
            """);

    [Fact]
    public Task Fix_adds_the_using_when_Process_is_written_qualified()
        => Upgrade.FixAsync<ProcessStartNeedsShellAnalyzer, ProcessStartNeedsShellCodeFix>(Framework.Net100, "net10.0", """
            public static class HelpMenu
            {
                public static void OpenWebsite() => [|System.Diagnostics.Process.Start("https://shop.example.com/help")|];
            }
            """, """
            using System.Diagnostics;

            public static class HelpMenu
            {
                public static void OpenWebsite() => System.Diagnostics.Process.Start(new ProcessStartInfo("https://shop.example.com/help") { UseShellExecute = true });
            }
            """);
}
