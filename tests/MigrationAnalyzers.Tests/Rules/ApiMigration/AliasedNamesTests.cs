using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.Rules.ApiMigration;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Rules.ApiMigration;

/// <summary>
/// The name checks that run before anything is bound must not lose a use written through a using alias: a creation
/// through another file's <c>global using</c> alias (rule packs, MIG2402), and <c>[Obsolete]</c> written through an alias
/// of ObsoleteAttribute (MIG2002), in the file or global in another.
/// </summary>
public class AliasedNamesTests
{
    [Fact]
    public async Task A_constructor_rule_sees_a_creation_through_a_global_alias_declared_in_another_file()
    {
        var test = new CSharpAnalyzerTest<RulePackAnalyzer, DefaultVerifier> { ReferenceAssemblies = TestReferences.Net48 };
        test.TestState.Sources.Add(("/0/Usings.cs", "global using Downloader = System.Net.WebClient;\n"));
        test.TestState.Sources.Add(("/0/Updater.cs", """
            public static class Updater
            {
                public static string Latest()
                {
                    using (var client = {|#0:new Downloader()|})
                    {
                        return client.DownloadString("https://updates.example.com/latest");
                    }
                }
            }
            """));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nmigration_analyzers.upgrade_target = net8.0\n"));
        test.ExpectedDiagnostics.Add(Verify<RulePackAnalyzer>.Diagnostic("MIG3114").WithLocation(0).WithArguments(
            "WebClient is obsolete from .NET 6 (SYSLIB0014). Use a shared HttpClient: GetStringAsync, GetByteArrayAsync and GetStreamAsync replace DownloadString, DownloadData and OpenRead."));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_literal_connection_string_is_seen_through_a_global_alias_declared_in_another_file()
    {
        var test = new Infrastructure.AnalyzerTest<SqlConnectionStringEncryptAnalyzer> { ReferenceAssemblies = TestReferences.SystemDataSqlClient };
        test.TestState.Sources.Add(("/0/Usings.cs", "global using Db = System.Data.SqlClient.SqlConnection;\n"));
        test.TestState.Sources.Add(("/0/Connections.cs", """
            namespace Shop.Data
            {
                public static class Connections
                {
                    public static Db Orders() => new Db({|MIG2402:"Server=sql01;Database=Shop"|});

                    // A local name that is nobody's alias is not bound.
                    public static object Other() => new System.Text.StringBuilder("Server=sql01;Database=Shop");
                }
            }
            """));
        await test.RunAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData("global using Deprecated = System.ObsoleteAttribute;\n", "")]
    [InlineData("", "using Deprecated = System.ObsoleteAttribute;\n")]
    [InlineData("global using DeprecatedAttribute = System.ObsoleteAttribute;\n", "")]
    public async Task Obsolete_written_through_an_alias_names_its_replacement(string usings, string libraryUsing)
    {
        var library = libraryUsing + """
            public class Store
            {
                [Deprecated("Use Keep instead")]
                public void Save(int id) { }

                public void Keep(int id) { }
            }
            """;
        var caller = """
            class Caller
            {
                void Run(Store store) => store.{|MIG2002:Save|}(1);
            }
            """;
        var test = new CodeFixTest<ObsoleteReplacementAnalyzer, MigrationAnalyzers.CodeFixes.ApiMigration.RulePackCodeFix>
        {
            ReferenceAssemblies = TestReferences.Net80,
            CompilerDiagnostics = CompilerDiagnostics.Errors,
        };
        test.TestState.Sources.Add(("/0/Usings.cs", usings));
        test.TestState.Sources.Add(("/0/Library.cs", library));
        test.TestState.Sources.Add(("/0/Caller.cs", caller));
        test.FixedState.Sources.Add(("/0/Usings.cs", usings));
        test.FixedState.Sources.Add(("/0/Library.cs", library));
        test.FixedState.Sources.Add(("/0/Caller.cs", caller.Replace("{|MIG2002:Save|}", "Keep")));
        await test.RunAsync(CancellationToken.None);
    }
}
