using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Caching;
using MigrationAnalyzers.Tests.Infrastructure;
using MigrationAnalyzers.Tests.Robustness;
using MigrationAnalyzers.Tests.Rules.Migrations;

namespace MigrationAnalyzers.Tests.Caching;

/// <summary>
/// The history facts shared by every compilation of the same source. The IDE analyses each document on a new
/// Compilation over the same trees, so these are what keeps a document's analysis from reading the whole history again;
/// they must change with any tree or reference, and keep no compilation alive.
/// </summary>
public class SameContentCacheTests
{
    private static readonly string[] History =
    {
        EfMigrationSources.Migration("AddUsers", "            migrationBuilder.Sql(\"SELECT 1\");"),
        Sources.Designer("AddUsers", "20240101120000_AddUsers"),
        Sources.DbContext,
    };

    private static CSharpCompilation Compile(IEnumerable<SyntaxTree> trees, IEnumerable<MetadataReference>? references = null)
        => CSharpCompilation.Create("Shop", trees, references ?? InMemoryCompiler.References(), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    private static ImmutableArray<SyntaxTree> Parse() => History.Select((text, i) => CSharpSyntaxTree.ParseText(text, path: $"/0/Source{i}.cs")).ToImmutableArray();

    [Fact]
    public void Compilations_of_the_same_trees_and_references_share_it()
    {
        var compilation = Compile(Parse());
        Assert.Same(SameContentCache.For(compilation), SameContentCache.For(compilation.Clone()));
        Assert.Same(SameContentCache.For(compilation), SameContentCache.For(compilation.WithAssemblyName("Other")));
    }

    [Fact]
    public void A_changed_tree_or_reference_starts_over()
    {
        var trees = Parse();
        var compilation = Compile(trees);
        var cache = SameContentCache.For(compilation);
        cache.GetOrAdd("answer", () => new StrongBox<int>(1));

        var edited = compilation.ReplaceSyntaxTree(trees[1], trees[1].WithChangedText(trees[1].GetText().Replace(0, 0, "// edited\n")));
        Assert.NotSame(cache, SameContentCache.For(edited));
        Assert.Equal(2, SameContentCache.For(edited).GetOrAdd("answer", () => new StrongBox<int>(2)).Value);

        var fewerReferences = Compile(trees, InMemoryCompiler.References().Skip(1));
        Assert.NotSame(SameContentCache.For(edited), SameContentCache.For(fewerReferences));
    }

    /// <summary>
    /// The first rule on each of the driver's threads asks for the same whole-source fact at once: one reads it, the
    /// others wait for its answer. A read that throws keeps nothing, and the next caller reads again.
    /// </summary>
    [Fact]
    public async System.Threading.Tasks.Task A_value_asked_for_at_once_by_several_threads_is_read_once_and_a_failed_read_is_not_kept()
    {
        var cache = SameContentCache.For(Compile(Parse()));
        var reads = 0;
        using var started = new ManualResetEventSlim();
        var readers = Enumerable.Range(0, 4).Select(_ => System.Threading.Tasks.Task.Run(() =>
        {
            started.Wait();
            return cache.GetOrAdd("slow", () =>
            {
                Interlocked.Increment(ref reads);
                Thread.Sleep(50);
                return new StrongBox<int>(42);
            });
        })).ToArray();

        started.Set();
        var answers = await System.Threading.Tasks.Task.WhenAll(readers);
        Assert.Equal(1, reads);
        Assert.All(answers, answer => Assert.Same(answers[0], answer));
        Assert.True(cache.TryGet<StrongBox<int>>("slow", out var kept) && kept.Value == 42);

        Assert.Throws<InvalidOperationException>(() => cache.GetOrAdd<StrongBox<int>>("failing", () => throw new InvalidOperationException()));
        Assert.False(cache.TryGet<StrongBox<int>>("failing", out _));
        Assert.Equal(7, cache.GetOrAdd("failing", () => new StrongBox<int>(7)).Value);
    }

    /// <summary>Threads that run one pass at the same time read every item once between them; a thread that comes later reads none.</summary>
    [Fact]
    public async System.Threading.Tasks.Task A_shared_pass_reads_each_item_once_between_the_threads_that_run_it()
    {
        var items = Enumerable.Range(0, 2_000).ToArray();
        var reads = new int[items.Length];
        var pass = new SharedPass<int>(items);
        using var started = new ManualResetEventSlim();
        var runners = Enumerable.Range(0, 4).Select(_ => System.Threading.Tasks.Task.Run(() =>
        {
            started.Wait();
            pass.Run(item => Interlocked.Increment(ref reads[item]));
        })).ToArray();

        started.Set();
        await System.Threading.Tasks.Task.WhenAll(runners);
        Assert.All(reads, count => Assert.Equal(1, count));

        pass.Run(item => Interlocked.Increment(ref reads[item]));
        Assert.All(reads, count => Assert.Equal(1, count));
    }

    [Fact]
    public void Per_tree_facts_outlive_an_edit_for_the_trees_it_left_alone()
    {
        var trees = Parse();
        var compilation = Compile(trees);
        var reads = new List<SyntaxTree>();
        string Read(SyntaxTree tree)
        {
            reads.Add(tree);
            return tree.FilePath;
        }

        foreach (var tree in trees)
        {
            SameContentCache.For(compilation).PerTree("paths", tree, Read);
        }

        var changed = trees[1].WithChangedText(trees[1].GetText().Replace(0, 0, "// edited\n"));
        var edited = compilation.ReplaceSyntaxTree(trees[1], changed);
        reads.Clear();
        foreach (var tree in edited.SyntaxTrees)
        {
            Assert.Equal(tree.FilePath, SameContentCache.For(edited).PerTree("paths", tree, Read));
        }

        // Only the edited tree is read again; the others keep what the first compilation read.
        Assert.Equal(new[] { changed }, reads);
    }

    [Fact]
    public void A_tree_of_another_set_is_read_each_time_and_not_kept()
    {
        var compilation = Compile(Parse());
        var foreign = CSharpSyntaxTree.ParseText("class Other { }", path: "/0/Other.cs");
        var reads = 0;
        string Read(SyntaxTree tree)
        {
            reads++;
            return tree.FilePath;
        }

        var cache = SameContentCache.For(compilation);
        Assert.Equal("/0/Other.cs", cache.PerTree("paths", foreign, Read));
        Assert.Equal("/0/Other.cs", cache.PerTree("paths", foreign, Read));
        Assert.Equal(2, reads);

        var own = compilation.SyntaxTrees.First();
        cache.PerTree("paths", own, Read);
        cache.PerTree("paths", own, Read);
        Assert.Equal(3, reads);
    }

    /// <summary>
    /// Every analyzer runs on a compilation, whole and one document at a time (each request on a compilation of its own,
    /// as the IDE's are), and all of them are dropped: the trees live on, no compilation an analyzer saw may.
    /// </summary>
    [Fact]
    public void No_compilation_outlives_its_analysis()
    {
        var trees = Parse();
        var spy = new CompilationSpy();

        // On a thread of its own and synchronously, so no async state machine of the test holds a compilation.
        var thread = new Thread(() => AnalyzeAndForget(trees, spy));
        thread.Start();
        thread.Join();
        for (var i = 0; i < 5 && spy.Seen.Any(compilation => compilation.IsAlive); i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        Assert.True(spy.Seen.Count > trees.Length, "the probe saw too few compilations: " + spy.Seen.Count);
        Assert.DoesNotContain(spy.Seen, compilation => compilation.IsAlive);
        GC.KeepAlive(trees);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AnalyzeAndForget(ImmutableArray<SyntaxTree> trees, CompilationSpy spy)
    {
        var compilation = Compile(trees);
        var analyzers = ImmutableArray.CreateRange(RuleInventory.Analyzers.Append(spy));
        var options = TestAnalyzerConfig.Create(new Dictionary<string, string> { ["migration_analyzers.deployment"] = "rolling" });
        compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        foreach (var tree in trees)
        {
            compilation.WithAnalyzers(analyzers, options)
                .GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), null, CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    /// <summary>Keeps a weak reference to every compilation the analyzers are started on (a test probe, never shipped).</summary>
#pragma warning disable RS1036, RS1012, RS2008 // A probe in the test project: it only records the compilations it is started on.
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class CompilationSpy : DiagnosticAnalyzer
    {
        public List<WeakReference> Seen { get; } = new();

        // An analyzer with no enabled diagnostic is never started: the probe needs one, which it never reports.
        private static readonly DiagnosticDescriptor Probe = new("PROBE01", "probe", "probe", "Test", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Probe);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                lock (Seen)
                {
                    Seen.Add(new WeakReference(start.Compilation));
                }

            });
        }
    }
#pragma warning restore RS1036, RS1012, RS2008
}
