using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.CodeFixes.ApiMigration;
using MigrationAnalyzers.Rules.ApiMigration;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Rules.ApiMigration;

/// <summary>
/// The xunit-v3 pack (MIG2601-MIG2603) on the real xUnit.net v2 packages (xunit.abstractions 2.0.3, xunit.extensibility.core
/// and xunit.assert 2.9.3) and v3 packages (xunit.v3.extensibility.core, xunit.v3.common, xunit.v3.assert 3.2.2 and 4.0.3).
/// </summary>
public class XunitV3PackTests
{
    private const string OnlyThisPack = "is_global = true\nmigration_analyzers.builtin_packs = xunit-v3\n";

    private const string AbstractionsMessage = "xUnit.net v3 has no Xunit.Abstractions: ITestOutputHelper is declared in the Xunit namespace. Replace the PackageReferences xunit (or xunit.core, xunit.extensibility.core) with xunit.v3 (or xunit.v3.extensibility.core), keeping xunit.abstractions until the fix has run. The fix rewrites using Xunit.Abstractions to using Xunit (and drops it where using Xunit is already there), only where every type the file takes from Xunit.Abstractions exists in Xunit; IMessageSink and IXunitSerializable are in Xunit.Sdk (see MIG2603), and the test case and discovery interfaces have no one-to-one counterpart.";

    // Before the move: v2 code. On v3 with xunit.abstractions still referenced, ITestOutputHelper is in both imported namespaces (CS0104).
    private const string OrderTests = """
        using Xunit;
        using {|#0:Xunit.Abstractions|};

        namespace Shop.Tests
        {
            public sealed class OrderTests
            {
                private readonly ITestOutputHelper _output;

                public OrderTests(ITestOutputHelper output) => _output = output;

                [Fact]
                public void Totals_add_up()
                {
                    _output.WriteLine("checking totals");
                    Assert.Equal(5, 2 + 3);
                }
            }
        }
        """;

    private const string OutputLogger = """
        using {|#1:Xunit.Abstractions|};

        namespace Shop.Tests
        {
            public sealed class OutputLogger
            {
                private readonly ITestOutputHelper _output;

                public OutputLogger(ITestOutputHelper output) => _output = output;

                public void Log(string message) => _output.WriteLine(message);
            }
        }
        """;

    private const string FixedOrderTests = """
        using Xunit;

        namespace Shop.Tests
        {
            public sealed class OrderTests
            {
                private readonly ITestOutputHelper _output;

                public OrderTests(ITestOutputHelper output) => _output = output;

                [Fact]
                public void Totals_add_up()
                {
                    _output.WriteLine("checking totals");
                    Assert.Equal(5, 2 + 3);
                }
            }
        }
        """;

    private static string FixedOutputLogger => OutputLogger.Replace("{|#1:Xunit.Abstractions|}", "Xunit");

    private static DiagnosticResult Abstractions(int location, string message = AbstractionsMessage)
        => new DiagnosticResult("MIG2601", DiagnosticSeverity.Info).WithLocation(location).WithArguments(message);

    private static Infrastructure.AnalyzerTest<RulePackAnalyzer> AnalyzerOnly(ReferenceAssemblies references, params (string Name, string Source)[] sources)
    {
        var test = new Infrastructure.AnalyzerTest<RulePackAnalyzer> { ReferenceAssemblies = references };
        test.TestState.AnalyzerConfigFiles.Add(("/.packs.globalconfig", OnlyThisPack));
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        return test;
    }

    [Fact]
    public async Task With_v3_and_xunit_abstractions_the_using_moves_to_Xunit_or_goes_where_Xunit_is_imported_and_the_code_compiles()
    {
        foreach (var references in new[] { TestReferences.XunitV3WithAbstractions, TestReferences.XunitV3_4WithAbstractions })
        {
            var test = new CodeFixTest<RulePackAnalyzer, RulePackCodeFix> { ReferenceAssemblies = references };
            test.TestState.AnalyzerConfigFiles.Add(("/.packs.globalconfig", OnlyThisPack));
            test.TestState.Sources.Add(("/0/OrderTests.cs", OrderTests
                .Replace("private readonly ITestOutputHelper", "private readonly {|CS0104:ITestOutputHelper|}")
                .Replace("public OrderTests(ITestOutputHelper", "public OrderTests({|CS0104:ITestOutputHelper|}")));
            test.TestState.Sources.Add(("/0/OutputLogger.cs", OutputLogger));
            test.TestState.ExpectedDiagnostics.Add(Abstractions(0));
            test.TestState.ExpectedDiagnostics.Add(Abstractions(1));
            test.FixedState.Sources.Add(("/0/OrderTests.cs", FixedOrderTests));
            test.FixedState.Sources.Add(("/0/OutputLogger.cs", FixedOutputLogger));
            await test.RunAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task On_v2_the_rules_report_without_a_fix_and_say_why()
    {
        var test = AnalyzerOnly(TestReferences.XunitV2, ("/0/OrderTests.cs", OrderTests), ("/0/OutputLogger.cs", OutputLogger));
        var message = AbstractionsMessage + " (no automatic fix: T:Xunit.ITestOutputHelper is not available in this compilation)";
        test.TestState.ExpectedDiagnostics.Add(Abstractions(0, message));
        test.TestState.ExpectedDiagnostics.Add(Abstractions(1, message));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task On_v2_IAsyncLifetime_is_reported_where_it_is_implemented()
    {
        const string source = """
            using System.Threading.Tasks;
            using Xunit;

            namespace Shop.Tests
            {
                public sealed class DatabaseFixture : {|#0:IAsyncLifetime|}
                {
                    public Task InitializeAsync() => Task.CompletedTask;

                    public Task DisposeAsync() => Task.CompletedTask;
                }

            }
            """;
        var test = AnalyzerOnly(TestReferences.XunitV2, ("/0/Fixtures.cs", source));
        test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult("MIG2602", DiagnosticSeverity.Warning).WithLocation(0));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task With_v3_and_xunit_abstractions_IMessageSink_moves_to_Xunit_Sdk_and_compiles()
    {
        const string source = """
            using {|#0:Xunit.Abstractions|};

            namespace Shop.Tests
            {
                public sealed class DatabaseFixture
                {
                    private readonly {|#1:IMessageSink|} _diagnostics;

                    public DatabaseFixture({|#2:IMessageSink|} diagnostics) => _diagnostics = diagnostics;
                }
            }
            """;
        const string fixedSource = """
            using Xunit.Sdk;

            namespace Shop.Tests
            {
                public sealed class DatabaseFixture
                {
                    private readonly IMessageSink _diagnostics;

                    public DatabaseFixture(IMessageSink diagnostics) => _diagnostics = diagnostics;
                }
            }
            """;
        var test = new CodeFixTest<RulePackAnalyzer, RulePackCodeFix> { ReferenceAssemblies = TestReferences.XunitV3WithAbstractions };
        test.TestState.AnalyzerConfigFiles.Add(("/.packs.globalconfig", OnlyThisPack));
        test.TestState.Sources.Add(("/0/DatabaseFixture.cs", source));
        test.TestState.ExpectedDiagnostics.Add(Abstractions(0));
        test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult("MIG2603", DiagnosticSeverity.Info).WithLocation(1));
        test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult("MIG2603", DiagnosticSeverity.Info).WithLocation(2));
        test.FixedState.Sources.Add(("/0/DatabaseFixture.cs", fixedSource));
        await test.RunAsync(CancellationToken.None);
    }

    // samples/Upgrades/XunitV2ToV3/SlowQueryReporter.cs: with IMessageSink in the file, MIG2601 is not fixable until
    // MIG2603 has moved IMessageSink to Xunit.Sdk; a second pass (a second dotnet format run) then rewrites the using,
    // and the result compiles on v3 without xunit.abstractions' using.
    [Fact]
    public async Task With_ITestOutputHelper_and_IMessageSink_in_one_file_the_using_moves_once_IMessageSink_has_moved()
    {
        const string source = """
            using {|#0:Xunit.Abstractions|};

            namespace Shop.Tests
            {
                public sealed class SlowQueryReporter
                {
                    private readonly ITestOutputHelper _output;

                    public SlowQueryReporter(ITestOutputHelper output, {|#1:IMessageSink|} diagnostics)
                    {
                        _output = output;
                        Diagnostics = diagnostics;
                    }

                    public {|#2:IMessageSink|} Diagnostics { get; }
                }
            }
            """;
        const string fixedSource = """
            using Xunit;
            using Xunit.Sdk;

            namespace Shop.Tests
            {
                public sealed class SlowQueryReporter
                {
                    private readonly ITestOutputHelper _output;

                    public SlowQueryReporter(ITestOutputHelper output, Xunit.Sdk.IMessageSink diagnostics)
                    {
                        _output = output;
                        Diagnostics = diagnostics;
                    }

                    public Xunit.Sdk.IMessageSink Diagnostics { get; }
                }
            }
            """;
        var test = new CodeFixTest<RulePackAnalyzer, RulePackCodeFix> { ReferenceAssemblies = TestReferences.XunitV3WithAbstractions };
        test.TestState.AnalyzerConfigFiles.Add(("/.packs.globalconfig", OnlyThisPack));
        test.TestState.Sources.Add(("/0/SlowQueryReporter.cs", source));
        test.TestState.ExpectedDiagnostics.Add(Abstractions(0));
        test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult("MIG2603", DiagnosticSeverity.Info).WithLocation(1));
        test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult("MIG2603", DiagnosticSeverity.Info).WithLocation(2));
        test.FixedState.Sources.Add(("/0/SlowQueryReporter.cs", fixedSource));
        // Fixed all at once the names end up short; one at a time they stay qualified (IMessageSink was ambiguous while
        // Xunit.Abstractions was imported, and MIG2601's fix shortens only the names it wrote). Both compile.
        test.BatchFixedState.Sources.Add(("/0/SlowQueryReporter.cs", fixedSource.Replace("Xunit.Sdk.IMessageSink", "IMessageSink")));
        // Negative: at most. MIG2603's fixes come first, MIG2601's only after them.
        test.NumberOfIncrementalIterations = -3;
        test.NumberOfFixAllIterations = -2;
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Code_already_on_v3_is_left_alone()
    {
        const string source = """
            using System;
            using System.Collections.Generic;
            using System.Reflection;
            using System.Threading.Tasks;
            using Xunit;
            using Xunit.Sdk;
            using Xunit.v3;

            namespace Shop.Tests
            {
                public sealed class DatabaseFixture : IAsyncLifetime
                {
                    public DatabaseFixture(IMessageSink diagnostics) => diagnostics.OnMessage(new DiagnosticMessage("starting"));

                    public ValueTask InitializeAsync() => default;

                    public ValueTask DisposeAsync() => default;
                }

                public sealed class PricesAttribute : Xunit.v3.DataAttribute
                {
                    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker)
                        => new ValueTask<IReadOnlyCollection<ITheoryDataRow>>(new ITheoryDataRow[] { new TheoryDataRow(1m) });

                    public override bool SupportsDiscoveryEnumeration() => true;
                }

                public sealed class OrderTests(ITestOutputHelper output) : IClassFixture<DatabaseFixture>
                {
                    [Fact]
                    public void Totals_add_up()
                    {
                        output.WriteLine("checking totals");
                        Assert.Equal(5, 2 + 3);
                    }
                }
            }
            """;
        await AnalyzerOnly(TestReferences.XunitV3_3, ("/0/OrderTests.cs", source)).RunAsync(CancellationToken.None);
        await AnalyzerOnly(TestReferences.XunitV3_4, ("/0/OrderTests.cs", source)).RunAsync(CancellationToken.None);
    }
}
