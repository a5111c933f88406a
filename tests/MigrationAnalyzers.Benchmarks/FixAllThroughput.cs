using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using MigrationAnalyzers.Corpus;

namespace MigrationAnalyzers.Benchmarks;

/// <summary>
/// FixAll as users run it: the corpus written to a temporary project that loads our two assemblies as analyzers,
/// then <c>dotnet format analyzers</c> with every fixable rule. Reports the time and whether anything fixable is left.
/// </summary>
internal static class FixAllThroughput
{
    public static async Task<string> RunAsync(int size, int seed, bool keep)
    {
        var fixableIds = CodeFixAssembly().GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
            .SelectMany(t => ((CodeFixProvider)Activator.CreateInstance(t)!).FixableDiagnosticIds)
            .Where(id => id.StartsWith("MIG", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(id => id, StringComparer.Ordinal)
            .ToList();
        Console.WriteLine();
        Console.WriteLine($"== FixAll with dotnet format on {size:N0} migrations: fixable rules {(fixableIds.Count == 0 ? "none" : string.Join(", ", fixableIds))} ==");
        if (fixableIds.Count == 0)
        {
            return "[skipped] FixAll throughput: MigrationAnalyzers.CodeFixes has no code fix yet";
        }

        var folder = Path.Combine(Path.GetTempPath(), "migration-analyzers-fixall-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var files = CorpusGenerator.Generate(size, seed);
            WriteProject(folder, files, fixableIds);
            var before = await CountAsync(folder, fixableIds).ConfigureAwait(false);
            Console.WriteLine($"before: {Describe(before.ByRule)}, {before.Errors} compiler errors");

            var restore = Run(folder, "restore Shop.csproj");
            if (restore.ExitCode != 0)
            {
                return $"[MISSED] FixAll throughput: restore failed: {restore.Output}";
            }

            var diagnostics = string.Join(' ', fixableIds);
            var format = Run(folder, $"format analyzers Shop.csproj --no-restore --severity info --diagnostics {diagnostics}");
            var after = await CountAsync(folder, fixableIds).ConfigureAwait(false);
            var verify = Run(folder, $"format analyzers Shop.csproj --no-restore --severity info --verify-no-changes --diagnostics {diagnostics}");
            Console.WriteLine($"dotnet format: {format.Elapsed.TotalSeconds:N1} s (exit {format.ExitCode}); after: {Describe(after.ByRule)}, {after.Errors} compiler errors; verify-no-changes exit {verify.ExitCode}");
            if (format.ExitCode != 0)
            {
                Console.WriteLine(format.Output);
            }

            // Every MIG rule, fixable or not: a fix must not leave any of them more frequent than before.
            var moreFrequent = before.AllMig.Where(p => p.Value < after.AllMig.GetValueOrDefault(p.Key))
                .Concat(after.AllMig.Where(p => !before.AllMig.ContainsKey(p.Key)).Select(p => new KeyValuePair<string, int>(p.Key, 0)))
                .Select(p => $"{p.Key} {p.Value} -> {after.AllMig[p.Key]}")
                .ToList();
            Console.WriteLine($"every MIG rule before: {Describe(before.AllMig)}");
            Console.WriteLine($"every MIG rule after:  {Describe(after.AllMig)}");
            Console.WriteLine($"more frequent after the fixes: {(moreFrequent.Count == 0 ? "none" : string.Join(", ", moreFrequent))}");

            // --verify-no-changes lists every diagnostic of a fixable ID, also those whose own fix is withheld, and then
            // fails; whether a fix is still offered shows only when a second run changes something. It prints what it changes.
            Console.WriteLine(verify.Output);
            var snapshot = ReadSources(folder);
            var second = Run(folder, $"format analyzers Shop.csproj --no-restore --severity info --diagnostics {diagnostics}");
            var changedBySecond = PrintChanges(snapshot, ReadSources(folder));
            var listed = verify.Output.Split('\n').Count(line => line.Contains(": warning MIG", StringComparison.Ordinal));
            Console.WriteLine($"second dotnet format: exit {second.ExitCode}; files changed: {changedBySecond}; verify-no-changes listed {listed} diagnostics, {after.ByRule.Values.Sum()} are left");
            if (keep)
            {
                Console.WriteLine($"project kept in {folder}");
            }

            var fixedAll = format.ExitCode == 0 && changedBySecond == 0 && listed == after.ByRule.Values.Sum() && after.Errors <= before.Errors && moreFrequent.Count == 0;
            var fixedCount = before.ByRule.Values.Sum() - after.ByRule.Values.Sum();
            return $"[{(fixedAll ? "met" : "MISSED")}] FixAll throughput: {format.Elapsed.TotalSeconds:N1} s for {fixedCount:N0} fixes on {files.Count:N0} files; "
                + $"a second run changes {changedBySecond} files; verify-no-changes exit {verify.ExitCode} listing {listed} diagnostics; new compiler errors: {Math.Max(0, after.Errors - before.Errors)}; "
                + $"MIG rules more frequent after: {moreFrequent.Count}; diagnostics left (fix not offered): {after.ByRule.Values.Sum():N0}";
        }
        finally
        {
            try
            {
                if (!keep)
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
            catch (IOException)
            {
            }
        }
    }

    private static Assembly CodeFixAssembly() => Assembly.Load(new AssemblyName("MigrationAnalyzers.CodeFixes"));

    private static void WriteProject(string folder, IReadOnlyList<CorpusFile> files, IReadOnlyList<string> ids)
    {
        Directory.CreateDirectory(folder);
        var analyzer = typeof(MigrationAnalyzers.Infrastructure.MigrationAnalyzer).Assembly.Location;
        var fixes = CodeFixAssembly().Location;
        File.WriteAllText(Path.Combine(folder, "Shop.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <EnableNETAnalyzers>false</EnableNETAnalyzers>
                <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.EntityFrameworkCore.Relational" Version="8.0.34" />
                <PackageReference Include="FluentMigrator" Version="8.0.1" />
              </ItemGroup>
              <ItemGroup>
                <Analyzer Include="{analyzer}" />
                <Analyzer Include="{fixes}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, ".editorconfig"), "root = true\n\n[*.cs]\n" + string.Concat(ids.Select(id => $"dotnet_diagnostic.{id}.severity = warning\n")));
        foreach (var file in files)
        {
            var path = Path.Combine(folder, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Text);
        }
    }

    /// <summary>Our fixable diagnostics and the compiler errors in the project as it is on disk, counted in process.</summary>
    private static async Task<(Dictionary<string, int> ByRule, Dictionary<string, int> AllMig, int Errors)> CountAsync(string folder, IReadOnlyList<string> ids)
    {
        var files = ReadSources(folder).Select(p => new CorpusFile(p.Key, p.Value)).ToList();
        var ours = AnalyzerPackages.Ours(Array.Empty<string>()).Analyzers;
        var compilation = CorpusCompilation.Create(CorpusCompilation.Parse(files), ours);
        var result = await AnalyzerRun.RunAsync(compilation, ours, GlobalConfigOptions.AllRulesOn()).ConfigureAwait(false);
        var byRule = ids.ToDictionary(id => id, id => result.Diagnostics.Count(d => d.Id == id), StringComparer.Ordinal);
        var allMig = result.Diagnostics.Where(d => d.Id.StartsWith("MIG", StringComparison.Ordinal))
            .GroupBy(d => d.Id, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return (byRule, allMig, compilation.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error));
    }

    /// <summary>The project's C# sources by relative path, generated files under obj left out.</summary>
    private static SortedDictionary<string, string> ReadSources(string folder)
        => new(Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllText), StringComparer.Ordinal);

    /// <summary>Prints, for each file the second run changed, the lines that differ; returns how many files changed.</summary>
    private static int PrintChanges(SortedDictionary<string, string> before, SortedDictionary<string, string> after)
    {
        var changed = 0;
        foreach (var (path, text) in after)
        {
            if (before.TryGetValue(path, out var old) && old == text)
            {
                continue;
            }

            changed++;
            var oldLines = (old ?? string.Empty).Split('\n');
            var newLines = text.Split('\n');
            var head = 0;
            while (head < oldLines.Length && head < newLines.Length && oldLines[head] == newLines[head])
            {
                head++;
            }

            var tail = 0;
            while (tail < oldLines.Length - head && tail < newLines.Length - head && oldLines[^(tail + 1)] == newLines[^(tail + 1)])
            {
                tail++;
            }

            Console.WriteLine($"--- {path} from line {head + 1}");
            foreach (var line in oldLines[head..^tail])
            {
                Console.WriteLine("- " + line.TrimEnd('\r'));
            }

            foreach (var line in newLines[head..^tail])
            {
                Console.WriteLine("+ " + line.TrimEnd('\r'));
            }
        }

        return changed;
    }

    private static string Describe(Dictionary<string, int> byRule)
        => byRule.Values.Sum() == 0 ? "no fixable diagnostic" : string.Join(", ", byRule.Where(p => p.Value > 0).Select(p => $"{p.Key} {p.Value:N0}"));

    private static (int ExitCode, TimeSpan Elapsed, string Output) Run(string folder, string arguments)
    {
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        stopwatch.Stop();
        return (process.ExitCode, stopwatch.Elapsed, output.Result + error.Result);
    }
}
