using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Benchmarks;
using MigrationAnalyzers.Corpus;

// Measures what our analyzers add to a build, next to NetAnalyzers and Meziantou.Analyzer, on generated solutions of
// growing size. Prints figures; it asserts nothing, but says plainly which targets are met.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var options = BenchmarkOptions.Parse(args);

var ours = AnalyzerPackages.Ours(options.Without);
var packages = new List<AnalyzerPackage> { ours };
if (options.IncludeOtherPackages)
{
    packages.Add(AnalyzerPackages.NetAnalyzers());
    packages.Add(AnalyzerPackages.Meziantou());
}

Console.WriteLine($"Compiler {typeof(Compilation).Assembly.GetName().Version}, {Environment.ProcessorCount} cores, seed {options.Seed}");
foreach (var package in packages)
{
    Console.WriteLine($"  {package.Name}: {package.Analyzers.Length} analyzers");
}

var everything = packages.SelectMany(p => p.Analyzers).ToImmutableArray();
var analyzerOptions = GlobalConfigOptions.AllRulesOn();

// Warm up the JIT on a small corpus so the first measured size is not charged for it.
{
    var warm = CorpusCompilation.Parse(CorpusGenerator.Generate(20, options.Seed + 1));
    CorpusCompilation.Create(warm).Emit(Stream.Null);
    await AnalyzerRun.RunAsync(CorpusCompilation.Create(warm, everything), everything, analyzerOptions);
}

var oursBySize = new Dictionary<int, double>();
var summary = new List<string>();
foreach (var size in options.IdeOnly ? Array.Empty<int>() : options.Sizes)
{
    var files = CorpusGenerator.Generate(size, options.Seed);
    Console.WriteLine();
    Console.WriteLine($"== {size:N0} migrations: {files.Count:N0} files, {files.Sum(f => (long)f.Text.Length) / 1024:N0} KiB ==");

    // Compile time without analyzers: parse, bind, emit.
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var compileWatch = Stopwatch.StartNew();
    var trees = CorpusCompilation.Parse(files);
    var emit = CorpusCompilation.Create(trees).Emit(new MemoryStream());
    compileWatch.Stop();
    var compileCpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
    var errors = emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
    var compileMs = compileWatch.Elapsed.TotalMilliseconds;
    Console.WriteLine($"compile without analyzers (parse, bind, emit): {compileMs:N0} ms wall, {compileCpu.TotalMilliseconds:N0} ms CPU ({errors.Count} errors)");
    foreach (var error in errors.Take(5))
    {
        Console.WriteLine("  " + error);
    }

    // All packages in one build, as a project that installs them all; each analyzer's time from the driver's telemetry.
    var together = await AnalyzerRun.RunAsync(CorpusCompilation.Create(trees, everything), everything, analyzerOptions);

    // Ours alone on a fresh compilation: it pays for any binding it triggers, so this is the conservative figure.
    // The driver's own work for the same kinds of actions is measured with an analyzer that does nothing: CPU time above
    // it is ours. Each run several times (--rounds), alternating, keeping the fastest, so one GC or a busy moment does
    // not decide the figure.
    var empty = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAnalyzer());
    AnalyzerRunResult? alone = null;
    AnalyzerRunResult? baseline = null;
    for (var round = 0; round < options.Rounds; round++)
    {
        // Trees parsed anew for every run: facts our analyzers share between compilations of the same trees
        // (SameContentCache) must not carry over from the run before, as they never do from one build to the next.
        var run = await AnalyzerRun.RunAsync(CorpusCompilation.Create(CorpusCompilation.Parse(files), ours.Analyzers), ours.Analyzers, analyzerOptions);
        alone = alone is null || run.CpuTime < alone.CpuTime ? run : alone;
        var emptyRun = await AnalyzerRun.RunAsync(CorpusCompilation.Create(CorpusCompilation.Parse(files), empty), empty, analyzerOptions);
        baseline = baseline is null || emptyRun.CpuTime < baseline.CpuTime ? emptyRun : baseline;
    }

    var oursCpuMs = (alone!.CpuTime - baseline!.CpuTime).TotalMilliseconds;

    var perThousand = 1000.0 / files.Count;
    Console.WriteLine();
    Console.WriteLine($"{"analyzer package",-42} {"total ms",10} {"ms/1,000 files",15} {"share of compile",17} {"diagnostics",12}");
    foreach (var package in packages)
    {
        var ms = together.TotalOf(package.Analyzers).TotalMilliseconds;
        var count = together.Diagnostics.Count(d => package.Analyzers.Any(a => a.SupportedDiagnostics.Any(s => s.Id == d.Id)));
        Console.WriteLine($"{package.Name,-42} {ms,10:N0} {ms * perThousand,15:N1} {ms / compileMs,17:P1} {count,12:N0}");
    }

    var oursAloneMs = alone.TotalOf(ours.Analyzers).TotalMilliseconds;
    Console.WriteLine($"{ours.Name + " (alone)",-42} {oursAloneMs,10:N0} {oursAloneMs * perThousand,15:N1} {oursAloneMs / compileMs,17:P1} {alone.Diagnostics.Length,12:N0}");
    Console.WriteLine($"wall time, all packages: {together.WallTime.TotalMilliseconds:N0} ms; ours alone: {alone.WallTime.TotalMilliseconds:N0} ms");
    Console.WriteLine($"CPU time (fastest of {options.Rounds}), ours alone {alone.CpuTime.TotalMilliseconds:N0} ms - empty analyzer {baseline.CpuTime.TotalMilliseconds:N0} ms = {oursCpuMs:N0} ms added, "
        + $"{oursCpuMs / compileCpu.TotalMilliseconds:P1} of the compile's {compileCpu.TotalMilliseconds:N0} ms CPU");
    Console.WriteLine("(telemetry is wall time per callback and swells on a busy machine; the CPU figures are the steadier ones)");
    Console.WriteLine($"our analysis run: peak managed heap +{Mb(alone.Memory.HeapPeakAdded)}, peak working set +{Mb(alone.Memory.WorkingSetPeakAdded)}, allocated {Mb(alone.Memory.Allocated)} (binding included)");

    Console.WriteLine();
    Console.WriteLine("our analyzers (alone):");
    foreach (var (analyzer, time) in alone.ExecutionTimes.OrderByDescending(p => p.Value))
    {
        Console.WriteLine($"  {analyzer.GetType().Name,-50} {time.TotalMilliseconds,10:N1} ms");
    }

    foreach (var failure in together.AnalyzerExceptions.Concat(alone.AnalyzerExceptions).Distinct().Take(10))
    {
        Console.WriteLine("  analyzer exception: " + failure);
    }

    oursBySize[size] = oursCpuMs;
    if (size == options.Sizes.Max())
    {
        var share = oursCpuMs / compileCpu.TotalMilliseconds;
        summary.Add(Target($"our share of compile time on {size:N0} migrations ≤ 3% (CPU)", oursCpuMs <= 0 ? null : share <= 0.03,
            $"{share:P2} (telemetry: alone {oursAloneMs / compileMs:P1}, together {together.TotalOf(ours.Analyzers).TotalMilliseconds / compileMs:P1} of compile wall time)"));
        summary.Add(Target($"stretch: our share of compile time on {size:N0} migrations ≤ 1% (CPU)", oursCpuMs <= 0 ? null : share <= 0.01, $"{share:P2}"));
        var meziantou = packages.FirstOrDefault(p => p.Name.StartsWith("Meziantou", StringComparison.Ordinal));
        if (meziantou is not null)
        {
            // Both from the same run, so a busy machine swells them alike.
            var mine = together.TotalOf(ours.Analyzers).TotalMilliseconds;
            var theirs = together.TotalOf(meziantou.Analyzers).TotalMilliseconds;
            summary.Add(Target("our time ≤ 0.2× Meziantou.Analyzer's (same run)", mine <= theirs * 0.2, $"{mine:N0} ms vs {theirs:N0} ms ({mine / theirs:0.00}×)"));
        }

        var netAnalyzers = packages.FirstOrDefault(p => p.Name.Contains("NetAnalyzers", StringComparison.Ordinal));
        if (netAnalyzers is not null)
        {
            var mine = together.TotalOf(ours.Analyzers).TotalMilliseconds;
            var theirs = together.TotalOf(netAnalyzers.Analyzers).TotalMilliseconds;
            summary.Add($"[info] our time next to NetAnalyzers' (same run): {mine:N0} ms vs {theirs:N0} ms ({mine / theirs:0.00}×)");
        }
    }
}

if (oursBySize.Count >= 2)
{
    var sizes = oursBySize.Keys.OrderBy(s => s).ToList();
    var (small, large) = sizes.Contains(1000) && sizes.Contains(5000) ? (1000, 5000) : (sizes[^2], sizes[^1]);
    var ratio = oursBySize[large] / Math.Max(oursBySize[small], 0.001);
    var allowed = 5.5 * large / small / 5.0;
    var measurable = oursBySize[large] > 0 && oursBySize[small] > 0;
    summary.Add(Target($"linear growth: {large:N0} vs {small:N0} migrations ≤ {allowed:0.0}×", measurable ? ratio <= allowed : null, $"{ratio:0.00}×"));
}

if (options.Ide || options.IdeOnly)
{
    var size = options.Sizes.Max();
    Console.WriteLine();
    Console.WriteLine($"== IDE: one migration document of {size:N0} migrations ==");
    var ide = await IdeLatency.RunAsync(CorpusCompilation.Parse(CorpusGenerator.Generate(size, options.Seed)), ours.Analyzers, analyzerOptions);
    Console.WriteLine($"document {ide.Document}");
    Console.WriteLine($"whole history, once (a build of every document): {ide.FullHistoryMs:N0} ms");
    Console.WriteLine($"one document, warm (same compilation, another document analysed before), {ide.Warm.Documents} late migrations each once: "
        + $"median {ide.Warm.Median:N1} ms, fastest {ide.Warm.Fastest:N1} ms, slowest tenth from {ide.Warm.Slowest10Percent:N1} ms; {ide.WarmDiagnostics} diagnostics");
    Console.WriteLine($"the same documents with an analyzer that does nothing (driver and compiler alone): median {ide.EmptyAnalyzerMedianMs:N1} ms");
    Console.WriteLine($"one document after an edit to it (new compilation, one tree changed): {ide.AfterEditMs:N1} ms, {ide.AfterEditDiagnostics} diagnostics");
    Console.WriteLine("the warm documents, by analyzer, costliest first:");
    foreach (var (analyzer, ms) in ide.WarmByAnalyzer.Take(8))
    {
        Console.WriteLine($"  {analyzer,-48} {ms,9:N1} ms");
    }

    summary.Add(Target($"IDE: one document of {size:N0} migrations, warm < 50 ms (median of {ide.Warm.Documents})", ide.Warm.Median < 50,
        $"{ide.Warm.Median:N1} ms (fastest {ide.Warm.Fastest:N1} ms, slowest tenth from {ide.Warm.Slowest10Percent:N1} ms; with an empty analyzer {ide.EmptyAnalyzerMedianMs:N1} ms)"));
    summary.Add(Target($"IDE: one document after an edit < 10% of the whole history", ide.AfterEditMs < ide.FullHistoryMs * 0.1, $"{ide.AfterEditMs:N0} ms of {ide.FullHistoryMs:N0} ms ({ide.AfterEditMs / ide.FullHistoryMs:P1})"));
}

// The control run has no analyzer of ours: if its compilation survives, the check itself is broken, not our caches.
if (!options.IdeOnly)
{
    var retentionTrees = CorpusCompilation.Parse(CorpusGenerator.Generate(options.Sizes.Min(), options.Seed));
    var control = await RetentionCheck.RunAsync(retentionTrees, ImmutableArray<DiagnosticAnalyzer>.Empty);
    var retention = await RetentionCheck.RunAsync(retentionTrees, ours.Analyzers);
    summary.Add(Target(
        "no cache holds a Compilation after its build",
        retention.Seen > 0 && retention.StillAlive == 0 && control.StillAlive == 0,
        $"{retention.StillAlive} of {retention.Seen} compilations still alive after GC (control without our analyzers: {control.StillAlive} of {control.Seen})"));
}

if (options.FixAllSize > 0)
{
    summary.Add(await FixAllThroughput.RunAsync(options.FixAllSize, options.Seed, options.KeepFixAllProject));
}

Console.WriteLine();
Console.WriteLine("Targets:");
foreach (var line in summary)
{
    Console.WriteLine("  " + line);
}

static string Mb(long bytes) => $"{bytes / (1024.0 * 1024.0):N1} MiB";

// Null when the figure is lost in noise (our CPU time not above the empty analyzer's): said so rather than called met.
static string Target(string what, bool? met, string figure) => $"[{(met is null ? "unclear" : met.Value ? "met" : "MISSED")}] {what}: {figure}";
