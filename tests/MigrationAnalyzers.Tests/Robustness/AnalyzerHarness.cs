using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Robustness;

/// <summary>
/// Runs every analyzer of the package over a unit through CompilationWithAnalyzers, every rule switched on, and collects
/// anything an analyzer threw (the exception callback and AD0001 both) instead of letting the driver swallow it.
/// </summary>
public static class AnalyzerHarness
{
    public static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = ExtensionDiscovery.Analyzers();

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly ConcurrentDictionary<ReferenceAssemblies, Task<ImmutableArray<MetadataReference>>> ResolvedReferences = new();

    public static Task<ImmutableArray<MetadataReference>> ReferencesAsync(ReferenceAssemblies assemblies)
        => ResolvedReferences.GetOrAdd(assemblies, a => a.ResolveAsync(LanguageNames.CSharp, CancellationToken.None));

    public static CSharpCompilation Compile(FuzzUnit unit, ImmutableArray<MetadataReference> references)
    {
        var trees = unit.Files.Select(f => CSharpSyntaxTree.ParseText(f.Text, ParseOptions, f.Path));
        var allOn = ExtensionDiscovery.AllDiagnosticIds(Analyzers).Select(id => new KeyValuePair<string, ReportDiagnostic>(id, ReportDiagnostic.Warn));
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
            .WithSpecificDiagnosticOptions(allOn);
        return CSharpCompilation.Create("Fuzz", trees, references, options);
    }

    /// <summary>Analyzer diagnostics of the unit, and a description of every analyzer failure.</summary>
    public static async Task<(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<string> Failures)> AnalyzeAsync(
        Compilation compilation, AnalyzerOptions options, ImmutableArray<DiagnosticAnalyzer>? analyzers = null)
    {
        var failures = new ConcurrentQueue<string>();
        var withAnalyzers = compilation.WithAnalyzers(analyzers ?? Analyzers, new CompilationWithAnalyzersOptions(
            options,
            (exception, analyzer, _) => failures.Enqueue($"{analyzer.GetType().Name} threw {exception.GetType().Name}: {exception.Message}\n{exception.StackTrace}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false));

        ImmutableArray<Diagnostic> diagnostics;
        try
        {
            diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            failures.Enqueue("the analyzer driver threw " + exception);
            return (ImmutableArray<Diagnostic>.Empty, failures.ToList());
        }

        foreach (var diagnostic in diagnostics.Where(d => d.Id is "AD0001" or "AD0002"))
        {
            failures.Enqueue(diagnostic.GetMessage(CultureInfo.InvariantCulture));
        }

        return (diagnostics.Where(d => !d.Id.StartsWith("AD", StringComparison.Ordinal)).ToImmutableArray(), failures.Distinct().ToList());
    }
}
