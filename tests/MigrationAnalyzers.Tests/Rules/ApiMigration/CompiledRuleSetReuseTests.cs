using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using MigrationAnalyzers.RulePacks;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Rules.ApiMigration;

/// <summary>
/// The IDE builds the rule set again on a new compilation over the same trees and references for every document it
/// analyses. What the first compilation found to resolve to nothing is not searched for again, and the set is the same.
/// </summary>
public class CompiledRuleSetReuseTests
{
    private const string Counter = """
        using System.Threading;

        namespace Shop.Metrics
        {
            public sealed class Counter
            {
                private int _value;

                public int Current => Thread.VolatileRead(ref _value);

                public void Reset() => _value = 0;
            }
        }
        """;

    private const string AbsentLibrary = """
        namespace Absent.Library
        {
            public sealed class Client
            {
                public void Send() { }
            }
        }
        """;

    private const string Pack = """
        [TEAM001]
        message = use Volatile.Read
        match = M:System.Threading.Thread.VolatileRead(*)
        rewrite = move System.Threading.Volatile.Read

        [TEAM002]
        message = Client.Send is gone
        match = M:Absent.Library.Client.Send(*)

        [TEAM003]
        message = the namespace is gone
        match = N:Absent.Library

        [TEAM004]
        message = Counter.Reset has a replacement elsewhere
        match = M:Shop.Metrics.Counter.Reset
        replacement = T:Absent.Library.Client
        """;

    private sealed class PackFile : AdditionalText
    {
        private readonly string _text;

        public PackFile(string text) => _text = text;

        public override string Path => "/0/Team.migrationpack";

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(_text);
    }

    private static ImmutableArray<SyntaxTree> Parse() => ImmutableArray.Create(CSharpSyntaxTree.ParseText(Counter, path: "/0/Counter.cs"));

    private static CSharpCompilation Compile(ImmutableArray<SyntaxTree> trees, IEnumerable<MetadataReference> references)
        => CSharpCompilation.Create("Shop", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    private static CompiledRuleSet Build(Compilation compilation, string pack = Pack)
        => CompiledRuleSet.For(compilation, new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(new PackFile(pack))));

    [Fact]
    public void A_new_compilation_of_the_same_source_skips_what_resolved_to_nothing_and_builds_the_same_set()
    {
        var trees = Parse();
        var references = InMemoryCompiler.References();
        var first = Build(Compile(trees, references));
        var second = Build(Compile(trees, references));

        Assert.NotSame(first, second);
        Assert.Equal(first.Describe(), second.Describe());
        Assert.Contains(first.Describe(), entry => entry.StartsWith("member|M:System.Threading.Thread.VolatileRead(System.Int32@)|Team|TEAM001|", System.StringComparison.Ordinal));
        Assert.Contains(first.Describe(), entry => entry.StartsWith("member|M:Shop.Metrics.Counter.Reset|Team|TEAM004|MIG2001|T:Absent.Library.Client is not available in this compilation|", System.StringComparison.Ordinal));

        // The first compilation resolved every pattern; the second only those that found something (the user pack's
        // TEAM002 and TEAM003 among the skipped, with most built-in rules), and looked up no fix precondition again.
        Assert.Equal(0, first.PatternsSkipped);
        Assert.True(second.PatternsSkipped >= 2, "skipped: " + second.PatternsSkipped);
        Assert.Equal(first.PatternsResolved, second.PatternsResolved + second.PatternsSkipped);
        Assert.True(first.NamesLookedUp > 0);
        Assert.Equal(0, second.NamesLookedUp);
    }

    [Fact]
    public void A_new_reference_reads_afresh()
    {
        var trees = Parse();
        var references = InMemoryCompiler.References();
        var first = Build(Compile(trees, references));
        Assert.DoesNotContain(first.Describe(), entry => entry.Contains("|TEAM002|"));

        var library = CSharpCompilation.Create("Absent.Library", new[] { CSharpSyntaxTree.ParseText(AbsentLibrary) }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var withLibrary = Build(Compile(trees, references.Append(library.ToMetadataReference())));

        Assert.Equal(0, withLibrary.PatternsSkipped);
        Assert.Contains(withLibrary.Describe(), entry => entry.StartsWith("member|M:Absent.Library.Client.Send|Team|TEAM002|", System.StringComparison.Ordinal));
        Assert.Contains(withLibrary.Describe(), entry => entry.StartsWith("namespace|N:Absent.Library|Team|TEAM003|", System.StringComparison.Ordinal));
        Assert.Contains(withLibrary.Describe(), entry => entry.StartsWith("member|M:Shop.Metrics.Counter.Reset|Team|TEAM004|MIG2001||", System.StringComparison.Ordinal));
    }

    [Fact]
    public void An_edited_pack_asks_its_new_questions()
    {
        var trees = Parse();
        var references = InMemoryCompiler.References();
        var first = Build(Compile(trees, references));
        Assert.DoesNotContain(first.Describe(), entry => entry.StartsWith("unbound|Send|", System.StringComparison.Ordinal));

        // The same pattern with a receiver that exists: a call named Send on a Counter is now a candidate.
        var edited = Pack.Replace("match = M:Absent.Library.Client.Send(*)", "match = M:Absent.Library.Client.Send(*)\nreceiver = T:Shop.Metrics.Counter");
        var second = Build(Compile(trees, references), edited);

        Assert.Contains(second.Describe(), entry => entry.StartsWith("unbound|Send|receiver|T:Shop.Metrics.Counter|Team|TEAM002|", System.StringComparison.Ordinal));

        // Every pattern that resolved to nothing before is skipped again, except the one whose receiver changed.
        var unchanged = Build(Compile(trees, references));
        Assert.Equal(first.PatternsResolved, second.PatternsResolved + second.PatternsSkipped);
        Assert.Equal(unchanged.PatternsSkipped - 1, second.PatternsSkipped);
        Assert.Equal(first.Describe(), unchanged.Describe());
    }
}
