using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Infrastructure;

namespace MigrationAnalyzers.Benchmarks;

/// <summary>One analyzer package as a build would load it: a name and its analyzers.</summary>
internal sealed record AnalyzerPackage(string Name, ImmutableArray<DiagnosticAnalyzer> Analyzers);

internal static class AnalyzerPackages
{
    /// <summary>Every analyzer in our assembly, found by reflection so rules added later are measured without edits here.</summary>
    public static AnalyzerPackage Ours(IReadOnlyList<string> without)
    {
        var analyzers = typeof(MigrationAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .Where(t => !without.Contains(t.Name))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        return new AnalyzerPackage("MigrationAnalyzers", analyzers);
    }

    public static AnalyzerPackage NetAnalyzers()
    {
        var folder = Path.Combine(PackageFolder("NetAnalyzersPackage"), "analyzers", "dotnet", "cs");
        return Load("Microsoft.CodeAnalysis.NetAnalyzers", folder);
    }

    /// <summary>Meziantou ships one build per compiler version (roslyn4.8, roslyn5.0, …): take the newest this host can run, as the SDK does.</summary>
    public static AnalyzerPackage Meziantou()
    {
        var host = typeof(Compilation).Assembly.GetName().Version!;
        var root = Path.Combine(PackageFolder("MeziantouAnalyzerPackage"), "analyzers", "dotnet");
        var best = Directory.GetDirectories(root, "roslyn*")
            .Select(d => (Folder: d, Version: Version.Parse(Path.GetFileName(d)["roslyn".Length..])))
            .Where(x => x.Version <= host)
            .OrderByDescending(x => x.Version)
            .First();
        return Load($"Meziantou.Analyzer ({Path.GetFileName(best.Folder)})", Path.Combine(best.Folder, "cs"));
    }

    private static AnalyzerPackage Load(string name, string folder)
    {
        var loader = new FolderLoader(folder);
        var analyzers = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
        foreach (var file in Directory.GetFiles(folder, "*.dll").OrderBy(f => f, StringComparer.Ordinal))
        {
            var reference = new AnalyzerFileReference(file, loader);
            reference.AnalyzerLoadFailed += (_, e) => Console.Error.WriteLine($"  could not load {e.TypeName ?? file}: {e.Message}");
            analyzers.AddRange(reference.GetAnalyzers(LanguageNames.CSharp));
        }

        return new AnalyzerPackage(name, analyzers.ToImmutable());
    }

    private static string PackageFolder(string key)
    {
        var folder = typeof(AnalyzerPackages).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value;
        if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
        {
            throw new InvalidOperationException($"package folder for {key} not found; run dotnet restore");
        }

        return folder;
    }

    /// <summary>Loads a package's analyzer assemblies in their own context; the compiler assemblies come from the host.</summary>
    private sealed class FolderLoader : AssemblyLoadContext, IAnalyzerAssemblyLoader
    {
        private readonly string _folder;

        public FolderLoader(string folder)
            : base("analyzers:" + folder)
        {
            _folder = folder;
        }

        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => LoadFromAssemblyPath(fullPath);

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var candidate = Path.Combine(_folder, assemblyName.Name + ".dll");
            return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
        }
    }
}
