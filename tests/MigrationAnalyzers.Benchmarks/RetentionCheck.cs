using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MigrationAnalyzers.Benchmarks;

/// <summary>
/// Checks that once a build is over, nothing in our analyzers keeps its Compilation alive (an IDE builds thousands of them):
/// analyze, drop every reference, collect, and see whether the compilations the analyzers saw are gone.
/// </summary>
internal static class RetentionCheck
{
    public static async Task<(int Seen, int StillAlive)> RunAsync(ImmutableArray<SyntaxTree> trees, ImmutableArray<DiagnosticAnalyzer> ours)
    {
        var witness = new CompilationWitness();
        // On its own thread and synchronously, so no async state machine or thread-local of ours holds the compilation.
        var thread = new Thread(() => AnalyzeAndForget(trees, ours.Add(witness)));
        thread.Start();
        thread.Join();
        for (var i = 0; i < 5; i++)
        {
            await Task.Delay(100).ConfigureAwait(false);
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        var seen = witness.Seen.ToList();
        return (seen.Count, seen.Count(w => w.IsAlive));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AnalyzeAndForget(ImmutableArray<SyntaxTree> trees, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var compilation = CorpusCompilation.Create(trees, analyzers);
        var withAnalyzers = compilation.WithAnalyzers(analyzers, GlobalConfigOptions.AllRulesOn());
        withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>Records, weakly, each compilation the analyzer driver hands to analyzers (the driver's own copy, not ours).</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class CompilationWitness : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Descriptor = new("BENCH0001", "witness", "witness", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

        public ConcurrentBag<WeakReference> Seen { get; } = new();

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptor);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start => Seen.Add(new WeakReference(start.Compilation)));
        }
    }
}
