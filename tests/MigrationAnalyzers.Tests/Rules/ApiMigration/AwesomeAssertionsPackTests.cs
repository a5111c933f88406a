using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.CodeFixes.ApiMigration;
using MigrationAnalyzers.Rules.ApiMigration;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Rules.ApiMigration;

/// <summary>
/// The awesome-assertions pack (MIG2501-MIG2507) on the real FluentAssertions 7.2.2, AwesomeAssertions 8.2.0 (FluentAssertions 8's
/// API, still named FluentAssertions) and AwesomeAssertions 9.6.0 packages.
/// </summary>
public class AwesomeAssertionsPackTests
{
    private const string OnlyThisPack = "is_global = true\nmigration_analyzers.builtin_packs = awesome-assertions\n";

    // The API rules are tested on their own; MIG2501 reports on every using of the namespace.
    private const string WithoutNamespaceRule = OnlyThisPack + "dotnet_diagnostic.MIG2501.severity = none\n";

    private const string NamespaceMessage = "FluentAssertions is AwesomeAssertions from AwesomeAssertions 9.0 on: the namespace FluentAssertions became AwesomeAssertions. Replace the PackageReference FluentAssertions (or AwesomeAssertions 7.x/8.x) with AwesomeAssertions 9.x; the fix rewrites the namespace in usings and qualified names, and only where every type the file takes from it exists under AwesomeAssertions (FluentAssertions.Data and FluentAssertions.Reflection have no AwesomeAssertions counterpart). Fix the APIs that version 8 changed first (MIG2502-MIG2507).";

    private const string OrderTests = """
        using System.Collections.Generic;
        using {|#0:FluentAssertions|};
        using {|#1:FluentAssertions|}.Execution;

        namespace Shop.Tests
        {
            public sealed class OrderTests
            {
                public void Totals_add_up()
                {
                    var lines = new List<decimal> { 2m, 3m };
                    using (new AssertionScope())
                    {
                        lines.Should().HaveCount(2).And.HaveCountLessThanOrEqualTo(3);
                        lines.Sum().Should().BeGreaterThanOrEqualTo(5m);
                        new { Id = 1, Total = 5m }.Should().BeEquivalentTo(new { Id = 1, Total = 5m }, options => options.Excluding(order => order.Id));
                        {|#2:FluentAssertions|}.AssertionExtensions.Should("x").NotBeEmpty();
                    }
                }
            }

            internal static class Sums
            {
                public static decimal Sum(this List<decimal> values)
                {
                    var total = 0m;
                    foreach (var value in values)
                    {
                        total += value;
                    }

                    return total;
                }
            }
        }
        """;

    private static string OnAwesomeAssertions => OrderTests
        .Replace("{|#0:FluentAssertions|}", "AwesomeAssertions")
        .Replace("{|#1:FluentAssertions|}", "AwesomeAssertions")
        .Replace("{|#2:FluentAssertions|}", "AwesomeAssertions");

    private static DiagnosticResult Moved(int location, string message = NamespaceMessage)
        => new DiagnosticResult("MIG2501", DiagnosticSeverity.Info).WithLocation(location).WithArguments(message);

    private static CodeFixTest<RulePackAnalyzer, RulePackCodeFix> FixTest(ReferenceAssemblies references, string config, string source, string fixedSource)
    {
        var test = new CodeFixTest<RulePackAnalyzer, RulePackCodeFix> { ReferenceAssemblies = references };
        test.TestState.AnalyzerConfigFiles.Add(("/.packs.globalconfig", config));
        test.TestState.Sources.Add(("/0/OrderTests.cs", source));
        test.FixedState.Sources.Add(("/0/OrderTests.cs", fixedSource));
        return test;
    }

    private static Infrastructure.AnalyzerTest<RulePackAnalyzer> AnalyzerOnly(ReferenceAssemblies references, string config, string source)
    {
        var test = new Infrastructure.AnalyzerTest<RulePackAnalyzer> { ReferenceAssemblies = references };
        test.TestState.AnalyzerConfigFiles.Add(("/.packs.globalconfig", config));
        test.TestState.Sources.Add(("/0/OrderTests.cs", source));
        return test;
    }

    [Fact]
    public async Task With_FluentAssertions_7_and_AwesomeAssertions_9_usings_and_qualified_names_move_to_AwesomeAssertions_and_compile()
    {
        var test = FixTest(TestReferences.FluentAssertions7AndAwesomeAssertions9, OnlyThisPack, OrderTests, OnAwesomeAssertions);
        test.TestState.ExpectedDiagnostics.Add(Moved(0));
        test.TestState.ExpectedDiagnostics.Add(Moved(1));
        test.TestState.ExpectedDiagnostics.Add(Moved(2));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task With_only_FluentAssertions_7_the_namespace_rule_reports_without_a_fix_and_says_why()
    {
        var test = FixTest(TestReferences.FluentAssertions7, OnlyThisPack, OrderTests, OrderTests);
        var message = NamespaceMessage + " (no automatic fix: N:AwesomeAssertions is not available in this compilation)";
        test.TestState.ExpectedDiagnostics.Add(Moved(0, message));
        test.TestState.ExpectedDiagnostics.Add(Moved(1, message));
        test.TestState.ExpectedDiagnostics.Add(Moved(2, message));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task On_AwesomeAssertions_8_which_still_names_its_namespace_FluentAssertions_the_namespace_rule_reports()
    {
        var test = FixTest(TestReferences.AwesomeAssertions8, OnlyThisPack, OrderTests, OrderTests);
        var message = NamespaceMessage + " (no automatic fix: N:AwesomeAssertions is not available in this compilation)";
        test.TestState.ExpectedDiagnostics.Add(Moved(0, message));
        test.TestState.ExpectedDiagnostics.Add(Moved(1, message));
        test.TestState.ExpectedDiagnostics.Add(Moved(2, message));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Code_already_on_AwesomeAssertions_9_is_left_alone()
        => await AnalyzerOnly(TestReferences.AwesomeAssertions9, OnlyThisPack, OnAwesomeAssertions).RunAsync(CancellationToken.None);

    [Fact]
    public async Task A_using_of_a_namespace_AwesomeAssertions_dropped_is_reported_but_not_rewritten()
    {
        // FluentAssertions.Data (the DataSet assertions) has no AwesomeAssertions.Data: rewriting the using would not compile.
        const string source = """
            using {|#0:FluentAssertions|}.Data;

            namespace Shop.Tests
            {
                public sealed class Rows
                {
                    public RowMatchMode Mode => RowMatchMode.PrimaryKey;
                }
            }
            """;
        var test = FixTest(TestReferences.FluentAssertions7AndAwesomeAssertions9, OnlyThisPack, source, source);
        test.TestState.ExpectedDiagnostics.Add(Moved(0));
        await test.RunAsync(CancellationToken.None);
    }

    private const string OldComparisons = """
        using System;
        using System.Collections.Generic;
        using FluentAssertions;

        namespace Shop.Tests
        {
            public sealed class Limits
            {
                public void Within_limits(int count, TimeSpan elapsed, List<int> items, Version version)
                {
                    count.Should().{|#0:BeGreaterOrEqualTo|}(1).And.{|#1:BeLessOrEqualTo|}(10);
                    elapsed.Should().{|#2:BeLessOrEqualTo|}(TimeSpan.FromSeconds(1));
                    items.Should().{|#3:HaveCountGreaterOrEqualTo|}(1).And.{|#4:HaveCountLessOrEqualTo|}(5);
                    version.Should().{|#5:BeGreaterOrEqualTo|}(new Version(1, 0));
                    FluentActions.Invoking(() => { }).ExecutionTime().Should().{|#6:BeLessOrEqualTo|}(TimeSpan.FromSeconds(1));
                }
            }
        }
        """;

    private static string NewComparisons => OldComparisons
        .Replace("{|#0:BeGreaterOrEqualTo|}", "BeGreaterThanOrEqualTo")
        .Replace("{|#1:BeLessOrEqualTo|}", "BeLessThanOrEqualTo")
        .Replace("{|#2:BeLessOrEqualTo|}", "BeLessThanOrEqualTo")
        .Replace("{|#3:HaveCountGreaterOrEqualTo|}", "HaveCountGreaterThanOrEqualTo")
        .Replace("{|#4:HaveCountLessOrEqualTo|}", "HaveCountLessThanOrEqualTo")
        .Replace("{|#5:BeGreaterOrEqualTo|}", "BeGreaterThanOrEqualTo")
        .Replace("{|#6:BeLessOrEqualTo|}", "BeLessThanOrEqualTo");

    [Fact]
    public async Task On_FluentAssertions_7_the_OrEqualTo_assertions_are_renamed_to_their_ThanOrEqualTo_names_and_compile()
    {
        var test = FixTest(TestReferences.FluentAssertions7, WithoutNamespaceRule, OldComparisons, NewComparisons);
        for (var location = 0; location <= 6; location++)
        {
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult("MIG2502", DiagnosticSeverity.Warning).WithLocation(location));
        }

        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task On_AwesomeAssertions_8_beyond_the_upper_bound_the_removed_names_no_longer_compile_and_no_rule_reports()
    {
        // requires = FluentAssertions < 8.0: AwesomeAssertions 8 (assembly FluentAssertions 8.2) is outside the bound.
        var source = OldComparisons
            .Replace("{|#0:BeGreaterOrEqualTo|}", "{|CS1061:BeGreaterOrEqualTo|}")
            .Replace("{|#1:BeLessOrEqualTo|}", "BeLessOrEqualTo")
            .Replace("{|#2:BeLessOrEqualTo|}", "{|CS1061:BeLessOrEqualTo|}")
            .Replace("{|#3:HaveCountGreaterOrEqualTo|}", "{|CS1061:HaveCountGreaterOrEqualTo|}")
            .Replace("{|#4:HaveCountLessOrEqualTo|}", "HaveCountLessOrEqualTo")
            .Replace("{|#5:BeGreaterOrEqualTo|}", "{|CS1061:BeGreaterOrEqualTo|}")
            .Replace("{|#6:BeLessOrEqualTo|}", "{|CS1061:BeLessOrEqualTo|}");
        await AnalyzerOnly(TestReferences.AwesomeAssertions8, WithoutNamespaceRule, source).RunAsync(CancellationToken.None);
        await AnalyzerOnly(TestReferences.AwesomeAssertions8, WithoutNamespaceRule, NewComparisons).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task On_FluentAssertions_7_the_APIs_version_8_renamed_or_dropped_are_reported_without_a_fix()
    {
        const string source = """
            using System;
            using System.Data;
            using System.Net.Http;
            using FluentAssertions;
            using FluentAssertions.Equivalency;
            using FluentAssertions.Execution;

            namespace Shop.Tests
            {
                public static class Conventions
                {
                    public static void Configure()
                        => {|#0:AssertionOptions|}.AssertEquivalencyUsing(options => options.{|#1:RespectingRuntimeTypes|}());

                    public static {|#2:EquivalencyAssertionOptions<Order>|} IgnoreIds({|#3:EquivalencyAssertionOptions<Order>|} options)
                        => options.Excluding(order => order.Id).{|#4:ExcludingNestedObjects|}();

                    public static void Checks(HttpResponseMessage response, DataTable table, Order order)
                    {
                        response.{|#5:Should|}().BeSuccessful();
                        table.{|#6:Should|}().HaveRowCount(1);
                        order.Should().{|#7:BeBinarySerializable|}();
                        order.Should().BeEquivalentTo(new Order(), IgnoreIds);
                    }

                    public static void Custom(bool condition)
                        => Execute.{|#8:Assertion|}.ForCondition(condition).FailWith("Expected the condition to hold.");
                }

                [Serializable]
                public sealed class Order
                {
                    public int Id { get; set; }
                }
            }
            """;
        var test = AnalyzerOnly(TestReferences.FluentAssertions7, WithoutNamespaceRule, source);
        foreach (var (id, location) in new[] { ("MIG2505", 0), ("MIG2504", 1), ("MIG2503", 2), ("MIG2503", 3), ("MIG2504", 4), ("MIG2506", 5), ("MIG2506", 6), ("MIG2506", 7), ("MIG2507", 8) })
        {
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(id, DiagnosticSeverity.Warning).WithLocation(location));
        }

        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task On_AwesomeAssertions_9_after_the_namespace_changed_the_removed_names_are_renamed_and_compile()
    {
        // What "replace FluentAssertions with AwesomeAssertions" leaves: calls that no longer bind (CS1061).
        const string source = """
            using System;
            using System.Collections.Generic;
            using AwesomeAssertions;

            namespace Shop.Tests
            {
                public sealed class Limits
                {
                    public void Within_limits(int count, TimeSpan elapsed, List<int> items, Version version, Order actual, Order expected)
                    {
                        count.Should().{|#0:{|CS1061:BeGreaterOrEqualTo|}|}(1);
                        count.Should().{|#1:{|CS1061:BeLessOrEqualTo|}|}(10);
                        elapsed.Should().{|#2:{|CS1061:BeGreaterOrEqualTo|}|}(TimeSpan.Zero);
                        items.Should().{|#3:{|CS1061:HaveCountLessOrEqualTo|}|}(5);
                        version.Should().{|#4:{|CS1061:BeLessOrEqualTo|}|}(new Version(2, 0));
                        FluentActions.Invoking(() => { }).ExecutionTime().Should().{|#5:{|CS1061:BeLessOrEqualTo|}|}(TimeSpan.FromSeconds(1));
                        actual.Should().BeEquivalentTo(expected, options => options.{|#6:{|CS1061:RespectingRuntimeTypes|}|}());
                        actual.Should().BeEquivalentTo(expected, options => options.{|#7:{|CS1061:ExcludingNestedObjects|}|}());
                    }
                }

                public sealed class Order
                {
                    public int Id { get; set; }
                }
            }
            """;
        var fixedSource = source
            .Replace("{|#0:{|CS1061:BeGreaterOrEqualTo|}|}", "BeGreaterThanOrEqualTo")
            .Replace("{|#1:{|CS1061:BeLessOrEqualTo|}|}", "BeLessThanOrEqualTo")
            .Replace("{|#2:{|CS1061:BeGreaterOrEqualTo|}|}", "BeGreaterThanOrEqualTo")
            .Replace("{|#3:{|CS1061:HaveCountLessOrEqualTo|}|}", "HaveCountLessThanOrEqualTo")
            .Replace("{|#4:{|CS1061:BeLessOrEqualTo|}|}", "BeLessThanOrEqualTo")
            .Replace("{|#5:{|CS1061:BeLessOrEqualTo|}|}", "BeLessThanOrEqualTo")
            .Replace("{|#6:{|CS1061:RespectingRuntimeTypes|}|}", "PreferringRuntimeMemberTypes")
            .Replace("{|#7:{|CS1061:ExcludingNestedObjects|}|}", "WithoutRecursing");
        var test = FixTest(TestReferences.AwesomeAssertions9, OnlyThisPack, source, fixedSource);
        for (var location = 0; location <= 7; location++)
        {
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(location < 6 ? "MIG2502" : "MIG2504", DiagnosticSeverity.Warning).WithLocation(location));
        }

        await test.RunAsync(CancellationToken.None);
    }
}
