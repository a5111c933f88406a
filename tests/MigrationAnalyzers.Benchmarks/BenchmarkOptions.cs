using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace MigrationAnalyzers.Benchmarks;

/// <summary>Command line: <c>--sizes 100,1000,5000</c>, <c>--quick</c>, <c>--seed N</c>, <c>--fixall [N]</c>, <c>--fixall-keep</c>, <c>--rounds N</c>, <c>--no-others</c>, <c>--ide-only</c>, <c>--no-ide</c>, <c>--without A,B</c>.</summary>
internal sealed class BenchmarkOptions
{
    public IReadOnlyList<int> Sizes { get; private set; } = new[] { 100, 1000, 5000 };

    public int Seed { get; private set; } = Corpus.CorpusGenerator.DefaultSeed;

    /// <summary>Also run NetAnalyzers and Meziantou.Analyzer (off with --no-others, for profiling our own rules).</summary>
    public bool IncludeOtherPackages { get; private set; } = true;

    /// <summary>Our analyzers left out, by class name: what the package costs once one is gone (or which one costs what).</summary>
    public IReadOnlyList<string> Without { get; private set; } = Array.Empty<string>();

    /// <summary>Size of the corpus for the dotnet format FixAll run, or 0 to skip it.</summary>
    public int FixAllSize { get; private set; }

    /// <summary>Keep the FixAll project after the run (--fixall-keep), to read what was fixed and what is left.</summary>
    public bool KeepFixAllProject { get; private set; }

    public bool Quick { get; private set; }

    /// <summary>
    /// How many times ours and the empty analyzer each run, alternating, for the CPU figure (--rounds N): the fastest of
    /// each is kept, as one garbage collection or a busy moment swings a single run by more than our whole cost.
    /// </summary>
    public int Rounds { get; private set; } = 3;

    /// <summary>Only the per-document IDE figures on the largest size: no build-time tables, growth or retention check.</summary>
    public bool IdeOnly { get; private set; }

    /// <summary>Measure the per-document IDE figures (on the largest size); off with --no-ide.</summary>
    public bool Ide { get; private set; } = true;

    public static BenchmarkOptions Parse(string[] args)
    {
        var options = new BenchmarkOptions();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--sizes":
                    options.Sizes = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
                    break;
                case "--seed":
                    options.Seed = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--quick":
                    // Small enough for CI: two sizes so the growth ratio is still printed.
                    options.Quick = true;
                    options.Sizes = new[] { 50, 250 };
                    break;
                case "--ide-only":
                    options.IdeOnly = true;
                    break;
                case "--no-ide":
                    options.Ide = false;
                    break;
                case "--rounds":
                    options.Rounds = Math.Max(1, int.Parse(args[++i], CultureInfo.InvariantCulture));
                    break;
                case "--no-others":
                    options.IncludeOtherPackages = false;
                    break;
                case "--without":
                    options.Without = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries);
                    break;
                case "--fixall":
                    options.FixAllSize = i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? ParseNext(ref i, size) : 1000;
                    break;
                case "--fixall-keep":
                    options.KeepFixAllProject = true;
                    break;
                case "--help":
                case "-h":
                    Console.WriteLine("usage: [--sizes 100,1000,5000] [--quick] [--seed N] [--rounds N] [--no-others] [--ide-only | --no-ide] [--without AnalyzerA,AnalyzerB] [--fixall [migrations]] [--fixall-keep]");
                    Environment.Exit(0);
                    break;
                default:
                    throw new ArgumentException("unknown argument " + args[i] + " (try --help)");
            }
        }

        return options;
    }

    private static int ParseNext(ref int i, int value)
    {
        i++;
        return value;
    }
}
