using System.Threading.Tasks;
using MigrationAnalyzers.Rules.FrameworkUpgrade;
using Verifier = MigrationAnalyzers.Tests.Infrastructure.Verify<MigrationAnalyzers.Rules.FrameworkUpgrade.CodePageNeedsProviderAnalyzer>;

namespace MigrationAnalyzers.Tests.Rules.FrameworkUpgrade;

public class CodePageNeedsProviderTests
{
    private const string Export = """
        using System.IO;
        using System.Text;

        namespace Shop.Export
        {
            public static class LegacyFiles
            {
                private const int WesternEuropean = 1252;

                public static StreamWriter Ansi(string path) => new StreamWriter(path, false, Encoding.GetEncoding(WesternEuropean));

                public static Encoding Japanese() => Encoding.GetEncoding("shift_jis");

                public static Encoding Dos() => Encoding.GetEncoding(437, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

                public static Encoding Utf8() => Encoding.GetEncoding(65001);

                public static Encoding Latin1() => Encoding.GetEncoding("ISO-8859-1");

                public static Encoding Chosen(int codePage) => Encoding.GetEncoding(codePage);
            }
        }
        """;

    [Fact]
    public Task Net48_without_upgrade_target_is_silent()
        => Upgrade.AnalyzeAsync<CodePageNeedsProviderAnalyzer>(Framework.Net48, null, Export);

    [Fact]
    public Task Net48_moving_to_net10_reports_code_pages_that_are_not_built_in()
        => Upgrade.AnalyzeAsync<CodePageNeedsProviderAnalyzer>(Framework.Net48, "net10.0", Export,
            Verifier.Diagnostic("MIG3007").WithSpan(10, 87, 10, 124).WithArguments("code page 1252", ".NET 10.0"),
            Verifier.Diagnostic("MIG3007").WithSpan(12, 46, 12, 79).WithArguments("'shift_jis'", ".NET 10.0"),
            Verifier.Diagnostic("MIG3007").WithSpan(14, 41, 14, 136).WithArguments("code page 437", ".NET 10.0"));

    [Fact]
    public Task Net8_project_is_reported()
        => Upgrade.AnalyzeAsync<CodePageNeedsProviderAnalyzer>(Framework.Net80, null, Export,
            Verifier.Diagnostic("MIG3007").WithSpan(10, 87, 10, 124).WithArguments("code page 1252", ".NET 8.0"),
            Verifier.Diagnostic("MIG3007").WithSpan(12, 46, 12, 79).WithArguments("'shift_jis'", ".NET 8.0"),
            Verifier.Diagnostic("MIG3007").WithSpan(14, 41, 14, 136).WithArguments("code page 437", ".NET 8.0"));

    [Fact]
    public Task Net8_project_that_registers_the_provider_anywhere_is_silent()
    {
        var test = new Microsoft.CodeAnalysis.CSharp.Testing.CSharpAnalyzerTest<CodePageNeedsProviderAnalyzer, Microsoft.CodeAnalysis.Testing.DefaultVerifier>
        {
            // CodePagesEncodingProvider is part of .NET itself from .NET Core 3.0; no package is needed.
            ReferenceAssemblies = Upgrade.References(Framework.Net80),
        };
        test.TestState.Sources.Add(("/0/LegacyFiles.cs", Export));
        test.TestState.Sources.Add(("/0/Program.cs", """
            using System.Text;

            public static class Program
            {
                public static void Main()
                {
                    Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
                }
            }
            """));
        return test.RunAsync();
    }
}
