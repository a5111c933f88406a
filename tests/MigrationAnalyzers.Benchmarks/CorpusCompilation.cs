using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Corpus;

namespace MigrationAnalyzers.Benchmarks;

/// <summary>Turns a generated corpus into compilations, as the compiler would see the project: .NET reference pack plus the EF Core and FluentMigrator assemblies.</summary>
internal static class CorpusCompilation
{
    private const string Root = "/corpus/";

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(LoadReferences);

    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    public static ImmutableArray<SyntaxTree> Parse(IReadOnlyList<CorpusFile> files)
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        return files
            .Select(f => CSharpSyntaxTree.ParseText(f.Text, options, Root + f.Path, System.Text.Encoding.UTF8, CancellationToken.None))
            .ToImmutableArray();
    }

    /// <summary>
    /// A fresh compilation, so no run profits from binding done by an earlier one. Built on one thread, like the analyzer
    /// runs, so compile time and analyzer time are measured the same way.
    /// </summary>
    public static CSharpCompilation Create(ImmutableArray<SyntaxTree> trees, IEnumerable<DiagnosticAnalyzer>? enableAllRulesOf = null)
    {
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false);
        if (enableAllRulesOf is not null)
        {
            // The equivalent of AnalysisMode=All / dotnet_analyzer_diagnostic.severity = warning: every rule of every package reports.
            var all = enableAllRulesOf.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct(StringComparer.Ordinal);
            options = options.WithSpecificDiagnosticOptions(all.Select(id => new KeyValuePair<string, ReportDiagnostic>(id, ReportDiagnostic.Warn)));
        }

        return CSharpCompilation.Create("Shop", trees, References, options);
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var files = new List<string>();
        files.AddRange(FrameworkReferenceAssemblies());

        // EF Core, FluentMigrator and their dependencies are restored next to this program.
        var prefixes = new[] { "Microsoft.EntityFrameworkCore", "Microsoft.Extensions.", "FluentMigrator" };
        files.AddRange(Directory.GetFiles(AppContext.BaseDirectory, "*.dll")
            .Where(f => prefixes.Any(p => Path.GetFileName(f).StartsWith(p, StringComparison.Ordinal))));
        return files.OrderBy(f => f, StringComparer.Ordinal).Select(f => (MetadataReference)MetadataReference.CreateFromFile(f)).ToImmutableArray();
    }

    /// <summary>The SDK's reference pack for the running framework; the runtime's own assemblies if the pack is not there.</summary>
    private static IEnumerable<string> FrameworkReferenceAssemblies()
    {
        var runtime = RuntimeEnvironment.GetRuntimeDirectory();
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        var tfm = $"net{Environment.Version.Major}.0";
        if (Directory.Exists(packs))
        {
            var pack = Directory.GetDirectories(packs)
                .Select(d => Path.Combine(d, "ref", tfm))
                .Where(Directory.Exists)
                .OrderByDescending(d => d, StringComparer.Ordinal)
                .FirstOrDefault();
            if (pack is not null)
            {
                return Directory.GetFiles(pack, "*.dll");
            }
        }

        return Directory.GetFiles(runtime, "*.dll").Where(f =>
        {
            var name = Path.GetFileName(f);
            return name.StartsWith("System.", StringComparison.Ordinal) || name is "mscorlib.dll" or "netstandard.dll" or "Microsoft.CSharp.dll" or "Microsoft.Win32.Primitives.dll";
        });
    }
}

/// <summary>Analyzer options carrying one global config, the same for every file.</summary>
internal sealed class GlobalConfigOptions : AnalyzerConfigOptionsProvider
{
    private readonly Options _options;

    public GlobalConfigOptions(IReadOnlyDictionary<string, string> values)
    {
        _options = new Options(values);
    }

    public override AnalyzerConfigOptions GlobalOptions => _options;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

    public static AnalyzerOptions AllRulesOn() => new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new GlobalConfigOptions(new Dictionary<string, string>
    {
        ["dotnet_analyzer_diagnostic.severity"] = "warning",
        ["build_property.TargetFramework"] = "net10.0",
        ["build_property.EnableNETAnalyzers"] = "true",
        ["build_property.AnalysisMode"] = "All",
    }));

    private sealed class Options : AnalyzerConfigOptions
    {
        private readonly IReadOnlyDictionary<string, string> _values;

        public Options(IReadOnlyDictionary<string, string> values) => _values = values;

        public override IEnumerable<string> Keys => _values.Keys;

        public override bool TryGetValue(string key, out string value)
        {
            if (_values.TryGetValue(key, out var found))
            {
                value = found;
                return true;
            }

            value = string.Empty;
            return false;
        }
    }
}
