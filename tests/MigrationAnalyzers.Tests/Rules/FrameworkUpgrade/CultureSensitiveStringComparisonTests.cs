using System.Threading.Tasks;
using MigrationAnalyzers.CodeFixes.FrameworkUpgrade;
using MigrationAnalyzers.Rules.FrameworkUpgrade;
using Verifier = MigrationAnalyzers.Tests.Infrastructure.Verify<MigrationAnalyzers.Rules.FrameworkUpgrade.CultureSensitiveStringComparisonAnalyzer>;

namespace MigrationAnalyzers.Tests.Rules.FrameworkUpgrade;

public class CultureSensitiveStringComparisonTests
{
    private const string Parser = """
        using System;
        using System.Globalization;

        namespace Shop.Import
        {
            public static class CsvLine
            {
                public static int LineEnd(string text) => text.IndexOf("\n");

                public static bool IsComment(string line) => line.StartsWith("#");

                public static int Order(string a, string b) => string.Compare(a, b);

                public static int Separator(string line) => line.IndexOf(',');

                public static bool IsHeader(string line) => line.StartsWith("id;", StringComparison.Ordinal);

                public static bool IsTotal(string line) => line.EndsWith("total", true, CultureInfo.InvariantCulture);
            }
        }
        """;

    [Fact]
    public Task Net48_without_upgrade_target_is_silent()
        => Upgrade.AnalyzeAsync<CultureSensitiveStringComparisonAnalyzer>(Framework.Net48, null, Parser);

    [Fact]
    public Task Net48_moving_to_netcoreapp31_is_silent_because_ICU_came_with_NET_5()
        => Upgrade.AnalyzeAsync<CultureSensitiveStringComparisonAnalyzer>(Framework.Net48, "netcoreapp3.1", Parser);

    [Fact]
    public Task Net48_moving_to_net8_reports_only_implicit_culture_comparisons()
        => Upgrade.AnalyzeAsync<CultureSensitiveStringComparisonAnalyzer>(Framework.Net48, "net8.0", Parser,
            Verifier.Diagnostic("MIG3008").WithSpan(8, 51, 8, 69).WithArguments("string.IndexOf", ".NET 8.0"),
            Verifier.Diagnostic("MIG3008").WithSpan(10, 54, 10, 74).WithArguments("string.StartsWith", ".NET 8.0"),
            Verifier.Diagnostic("MIG3008").WithSpan(12, 56, 12, 76).WithArguments("string.Compare", ".NET 8.0"));

    [Fact]
    public Task Net10_project_is_reported()
        => Upgrade.AnalyzeAsync<CultureSensitiveStringComparisonAnalyzer>(Framework.Net100, null, Parser,
            Verifier.Diagnostic("MIG3008").WithSpan(8, 51, 8, 69).WithArguments("string.IndexOf", ".NET 10.0"),
            Verifier.Diagnostic("MIG3008").WithSpan(10, 54, 10, 74).WithArguments("string.StartsWith", ".NET 10.0"),
            Verifier.Diagnostic("MIG3008").WithSpan(12, 56, 12, 76).WithArguments("string.Compare", ".NET 10.0"));

    [Fact]
    public Task Fix_adds_Ordinal_to_searches_for_literals_only()
        => Upgrade.FixAsync<CultureSensitiveStringComparisonAnalyzer, CultureSensitiveStringComparisonCodeFix>(Framework.Net100, null, """
            public static class CsvLine
            {
                private const string Marker = "##";

                public static int LineEnd(string text, int from) => text.IndexOf("\n", from);

                public static bool IsComment(string line) => line.StartsWith(Marker);

                public static int Order(string a) => string.Compare(a, "m");
            }
            """, """
            using System;

            public static class CsvLine
            {
                private const string Marker = "##";

                public static int LineEnd(string text, int from) => text.IndexOf("\n", from, StringComparison.Ordinal);

                public static bool IsComment(string line) => line.StartsWith(Marker);

                public static int Order(string a) => string.Compare(a, "m");
            }
            """,
            new[]
            {
                Verifier.Diagnostic("MIG3008").WithSpan(5, 57, 5, 81).WithArguments("string.IndexOf", ".NET 10.0"),
                Verifier.Diagnostic("MIG3008").WithSpan(7, 50, 7, 73).WithArguments("string.StartsWith", ".NET 10.0"),
                Verifier.Diagnostic("MIG3008").WithSpan(9, 42, 9, 64).WithArguments("string.Compare", ".NET 10.0"),
            },
            remaining: new[]
            {
                Verifier.Diagnostic("MIG3008").WithSpan(9, 50, 9, 73).WithArguments("string.StartsWith", ".NET 10.0"),
                Verifier.Diagnostic("MIG3008").WithSpan(11, 42, 11, 64).WithArguments("string.Compare", ".NET 10.0"),
            });

    // Every fix adds `using System;`; Fix All (document, project, solution) must give the text of fixing one by one,
    // which the test checks for each scope.
    [Fact]
    public Task Fix_all_adds_Ordinal_to_every_search_and_the_using_once()
    {
        var test = Upgrade.CreateFix<CultureSensitiveStringComparisonAnalyzer, CultureSensitiveStringComparisonCodeFix>(Framework.Net100, null, """
            public static class CsvLine
            {
                public static int LineEnd(string text) => text.IndexOf("\n");

                public static bool IsComment(string line) => line.StartsWith("#") || line.TrimStart().StartsWith("//");

                public static int LastField(string line) => line.Substring(line.LastIndexOf(";")).EndsWith("x") ? 1 : 0;
            }
            """, """
            using System;

            public static class CsvLine
            {
                public static int LineEnd(string text) => text.IndexOf("\n", StringComparison.Ordinal);

                public static bool IsComment(string line) => line.StartsWith("#", StringComparison.Ordinal) || line.TrimStart().StartsWith("//", StringComparison.Ordinal);

                public static int LastField(string line) => line.Substring(line.LastIndexOf(";", StringComparison.Ordinal)).EndsWith("x", StringComparison.Ordinal) ? 1 : 0;
            }
            """);
        test.ExpectedDiagnostics.AddRange(new[]
        {
            Verifier.Diagnostic("MIG3008").WithSpan(3, 47, 3, 65).WithArguments("string.IndexOf", ".NET 10.0"),
            Verifier.Diagnostic("MIG3008").WithSpan(5, 50, 5, 70).WithArguments("string.StartsWith", ".NET 10.0"),
            Verifier.Diagnostic("MIG3008").WithSpan(5, 74, 5, 107).WithArguments("string.StartsWith", ".NET 10.0"),
            Verifier.Diagnostic("MIG3008").WithSpan(7, 49, 7, 100).WithArguments("string.EndsWith", ".NET 10.0"),
            Verifier.Diagnostic("MIG3008").WithSpan(7, 64, 7, 85).WithArguments("string.LastIndexOf", ".NET 10.0"),
        });
        return test.RunAsync(System.Threading.CancellationToken.None);
    }
}
