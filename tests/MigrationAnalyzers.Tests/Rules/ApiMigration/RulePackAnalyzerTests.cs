using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.Tests.Infrastructure;
using AnalyzerTest = MigrationAnalyzers.Tests.Infrastructure.AnalyzerTest<MigrationAnalyzers.Rules.ApiMigration.RulePackAnalyzer>;

namespace MigrationAnalyzers.Tests.Rules.ApiMigration;

public class RulePackAnalyzerTests
{
    private const string PackPath = "/0/build/Threading.migrationpack";

    private const string VolatilePack = """
        # Threading upgrades for the team
        pack = team-threading

        [TEAM001]
        message = Thread.VolatileRead is obsolete (SYSLIB0054); use Volatile.Read
        severity = info
        match = M:System.Threading.Thread.VolatileRead(*)
        rewrite = move System.Threading.Volatile.Read
        """;

    private const string Counter = """
        using System.Threading;

        namespace Shop.Metrics
        {
            public sealed class Counter
            {
                private int _value;

                public int Current => Thread.VolatileRead(ref _value);
            }
        }
        """;

    private static AnalyzerTest Test(string source, string pack, string packPath = PackPath)
    {
        var test = new AnalyzerTest { ReferenceAssemblies = TestReferences.Net80 };
        test.TestState.Sources.Add(("/0/Counter.cs", source));
        test.TestState.AdditionalFiles.Add((packPath, pack));
        // SYSLIB0054 is the compiler's own obsoletion warning for the same call.
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        return test;
    }

    [Fact]
    public async Task User_pack_rule_reports_under_MIG2001_with_its_own_id_and_severity()
    {
        var test = Test(Counter, VolatilePack);
        test.ExpectedDiagnostics.Add(new DiagnosticResult("MIG2001", DiagnosticSeverity.Info)
            .WithSpan("/0/Counter.cs", 9, 38, 9, 50)
            .WithArguments("TEAM001", "Thread.VolatileRead is obsolete (SYSLIB0054); use Volatile.Read"));
        await test.RunAsync(CancellationToken.None);
    }

    /// <summary>A target-typed new() is checked by the type its declaration writes; where none is written it is bound.</summary>
    [Fact]
    public async Task Target_typed_creations_match_constructor_rules_wherever_their_type_comes_from()
    {
        const string pack = """
            [TEAM010]
            message = StringBuilder is pooled here; use Pool.Rent()
            match = M:System.Text.StringBuilder.#ctor(*)
            """;
        var test = Test("""
            using System.Collections.Generic;
            using System.Text;

            public sealed class Builders
            {
                private readonly StringBuilder _field = {|#0:new()|};
                public System.Text.StringBuilder? Property { get; } = {|#1:new(16)|};
                private readonly List<int> _other = new();

                public string Local()
                {
                    StringBuilder local = {|#2:new()|};
                    return Append({|#3:new()|}) + local;
                }

                private static string Append(StringBuilder builder) => builder.ToString();
            }
            """, pack);
        for (var i = 0; i < 4; i++)
        {
            test.ExpectedDiagnostics.Add(new DiagnosticResult("MIG2001", DiagnosticSeverity.Warning)
                .WithLocation(i)
                .WithArguments("TEAM010", "StringBuilder is pooled here; use Pool.Rent()"));
        }

        await test.RunAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData("/0/MigrationRules.txt")]
    [InlineData("/0/MigrationRules.Threading.txt")]
    public async Task Packs_are_found_by_file_name(string path)
    {
        var test = Test(Counter, VolatilePack, path);
        test.ExpectedDiagnostics.Add(new DiagnosticResult("MIG2001", DiagnosticSeverity.Info).WithSpan("/0/Counter.cs", 9, 38, 9, 50).WithArguments("TEAM001", "Thread.VolatileRead is obsolete (SYSLIB0054); use Volatile.Read"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Other_additional_files_are_not_packs()
    {
        await Test(Counter, VolatilePack, "/0/notes.txt").RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Assembly_version_precondition_silences_the_rule_when_not_met()
    {
        var pack = VolatilePack + "\nrequires = System.Runtime >= 99.0\n";
        await Test(Counter, pack).RunAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData("build_property.TargetFramework = net48", false)]
    [InlineData("build_property.TargetFramework = net8.0", true)]
    [InlineData("build_property.TargetFrameworkIdentifier = .NETCoreApp\nbuild_property.TargetFrameworkVersion = v6.0", false)]
    public async Task Target_framework_precondition_reads_build_properties(string properties, bool reported)
    {
        var test = Test(Counter, VolatilePack + "\ntarget-framework = >= net7.0\n");
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + properties + "\n"));
        if (reported)
        {
            test.ExpectedDiagnostics.Add(new DiagnosticResult("MIG2001", DiagnosticSeverity.Info).WithSpan("/0/Counter.cs", 9, 38, 9, 50).WithArguments("TEAM001", "Thread.VolatileRead is obsolete (SYSLIB0054); use Volatile.Read"));
        }

        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Missing_replacement_keeps_the_diagnostic_and_says_why()
    {
        var pack = VolatilePack + "\nreplacement = T:System.Threading.NoSuchVolatile\n";
        var test = Test(Counter, pack);
        test.ExpectedDiagnostics.Add(new DiagnosticResult("MIG2001", DiagnosticSeverity.Info).WithSpan("/0/Counter.cs", 9, 38, 9, 50)
            .WithArguments("TEAM001", "Thread.VolatileRead is obsolete (SYSLIB0054); use Volatile.Read (no automatic fix: T:System.Threading.NoSuchVolatile is not available in this compilation)"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Built_in_packs_can_be_turned_off()
    {
        var source = """
            using Newtonsoft.Json;

            namespace Shop.Api
            {
                public static class Payloads
                {
                    public static string Write(object value) => JsonConvert.SerializeObject(value);
                }
            }
            """;
        var test = new AnalyzerTest { ReferenceAssemblies = TestReferences.Net80.AddPackages([new PackageIdentity("Newtonsoft.Json", "13.0.3")]) };
        test.TestState.Sources.Add(source);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nmigration_analyzers.builtin_packs = none\n"));
        await test.RunAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData("migration_analyzers.builtin_packs = efcore, aspnetcore-hosting", false)]
    [InlineData("migration_analyzers.builtin_packs = newtonsoft-json", true)]
    public async Task Built_in_packs_are_chosen_by_name_in_editorconfig(string setting, bool reported)
    {
        var source = """
            using Newtonsoft.Json;

            namespace Shop.Api
            {
                public static class Payloads
                {
                    public static string Write(object value) => JsonConvert.{|#0:SerializeObject|}(value);
                }
            }
            """;
        var test = new AnalyzerTest { ReferenceAssemblies = TestReferences.NewtonsoftJson };
        test.TestState.Sources.Add(source);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + setting + "\n"));
        if (reported)
        {
            test.ExpectedDiagnostics.Add(new DiagnosticResult("MIG2101", DiagnosticSeverity.Info).WithLocation(0)
                .WithArguments("JsonConvert.SerializeObject can be replaced by System.Text.Json's JsonSerializer.Serialize. System.Text.Json writes public properties only (not public fields) and escapes non-ASCII by default."));
        }

        await test.RunAsync(CancellationToken.None);
    }
}
