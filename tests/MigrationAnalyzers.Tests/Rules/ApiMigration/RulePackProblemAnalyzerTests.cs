using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.Tests.Infrastructure;
using AnalyzerTest = MigrationAnalyzers.Tests.Infrastructure.AnalyzerTest<MigrationAnalyzers.Rules.ApiMigration.RulePackAnalyzer>;
using ProblemTest = MigrationAnalyzers.Tests.Infrastructure.AnalyzerTest<MigrationAnalyzers.Rules.Configuration.RulePackProblemAnalyzer>;

namespace MigrationAnalyzers.Tests.Rules.ApiMigration;

public class RulePackProblemAnalyzerTests
{
    private const string PackPath = "/0/Upgrade.migrationpack";

    private const string BrokenPack = """
        pack = upgrade
        this line means nothing

        [GOOD1]
        message = use Volatile.Read
        match = M:System.Threading.Thread.VolatileRead(*)
        rewrite = move System.Threading.Volatile.Read

        [BAD1]
        message = no documentation ID
        match = System.Threading.Thread.VolatileWrite

        [BAD2]
        message = unknown rewrite
        match = M:System.Threading.Thread.VolatileWrite(*)
        rewrite = teleport Somewhere

        [GOOD1]
        message = duplicate
        match = M:System.Threading.Thread.VolatileWrite(*)

        [BAD3]
        match = M:System.Threading.Thread.VolatileWrite(*)
        severity = loud
        """;

    [Fact]
    public async Task Each_problem_is_reported_on_its_line_of_the_pack()
    {
        var test = new ProblemTest { ReferenceAssemblies = TestReferences.Net80 };
        test.TestState.Sources.Add("namespace Shop { }");
        test.TestState.AdditionalFiles.Add((PackPath, BrokenPack));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("MIG9101", DiagnosticSeverity.Warning).WithSpan(PackPath, 2, 1, 2, 24)
            .WithArguments("upgrade", "expected 'key = value', '[RULE-ID]' or a '#' comment"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("MIG9102", DiagnosticSeverity.Warning).WithSpan(PackPath, 11, 1, 11, 46)
            .WithArguments("upgrade", "rule BAD1: match: expected a documentation ID such as M:Namespace.Type.Method(System.String), T:Namespace.Type or N:Namespace; the rule is ignored"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("MIG9102", DiagnosticSeverity.Warning).WithSpan(PackPath, 16, 1, 16, 29)
            .WithArguments("upgrade", "rule BAD2: rewrite: unknown rewrite 'teleport'; expected none, rename, type, namespace, move, factory, arguments, attribute or template; the rule is ignored"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("MIG9102", DiagnosticSeverity.Warning).WithSpan(PackPath, 18, 1, 18, 8)
            .WithArguments("upgrade", "rule ID 'GOOD1' appears twice in this pack; the second one is ignored"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("MIG9102", DiagnosticSeverity.Warning).WithSpan(PackPath, 24, 1, 24, 16)
            .WithArguments("upgrade", "rule BAD3: severity: severity is error, warning, info or hidden; the rule is ignored"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Good_rules_of_a_broken_pack_keep_working()
    {
        var test = new AnalyzerTest { ReferenceAssemblies = TestReferences.Net80, CompilerDiagnostics = CompilerDiagnostics.None };
        test.TestState.Sources.Add(("/0/Counter.cs", """
            using System.Threading;

            class Counter
            {
                int _value;
                int Read() => Thread.VolatileRead(ref _value);
                void Write() => Thread.VolatileWrite(ref _value, 1);
            }
            """));
        test.TestState.AdditionalFiles.Add((PackPath, BrokenPack));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("MIG2001", DiagnosticSeverity.Warning).WithSpan("/0/Counter.cs", 6, 26, 6, 38).WithArguments("GOOD1", "use Volatile.Read"));
        await test.RunAsync(CancellationToken.None);
    }
}
