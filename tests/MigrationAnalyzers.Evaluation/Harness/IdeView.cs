using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MigrationAnalyzers.Evaluation.Harness;

/// <summary>
/// The IDE analyses one open document at a time, and the driver starts the analyzers again for each request, on a new
/// compilation over the same trees. What our caches share between such compilations (the catalog, the replayed schema,
/// the target database) must give every document the findings the build gives it: this compares the two, document by
/// document, for the migration rules. Compilation-end rules are left out: the IDE reports them only in full analysis.
/// </summary>
public static class IdeView
{
    private static readonly ImmutableHashSet<string> CompilationEndRules = PackageAnalyzers.All
        .SelectMany(analyzer => analyzer.SupportedDiagnostics)
        .Where(descriptor => descriptor.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd))
        .Select(descriptor => descriptor.Id)
        .ToImmutableHashSet(StringComparer.Ordinal);

    /// <summary>One line per finding that only the build or only the IDE shows; empty when they agree.</summary>
    public static async Task<ImmutableArray<string>> DifferencesAsync(
        Compilation compilation, AnalyzerOptions options, ImmutableArray<Diagnostic> build, Func<Diagnostic, string> describe, CancellationToken cancellationToken)
    {
        var session = compilation.WithAnalyzers(PackageAnalyzers.All, new CompilationWithAnalyzersOptions(
            options, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
        var ide = new List<string>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var semantic = await session.GetAnalyzerSemanticDiagnosticsAsync(session.Compilation.GetSemanticModel(tree), filterSpan: null, cancellationToken).ConfigureAwait(false);
            var syntax = await session.GetAnalyzerSyntaxDiagnosticsAsync(tree, cancellationToken).ConfigureAwait(false);
            ide.AddRange(semantic.Concat(syntax).Where(Compared).Select(describe));
        }

        var remaining = build.Where(Compared).Select(describe).GroupBy(d => d, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var onlyIde = new List<string>();
        foreach (var finding in ide)
        {
            if (remaining.TryGetValue(finding, out var count) && count > 0)
            {
                remaining[finding] = count - 1;
            }
            else
            {
                onlyIde.Add("IDE only: " + finding);
            }
        }

        return onlyIde
            .Concat(remaining.Where(pair => pair.Value > 0).SelectMany(pair => Enumerable.Repeat("build only: " + pair.Key, pair.Value)))
            .OrderBy(line => line, StringComparer.Ordinal)
            .ToImmutableArray();
    }

    private static bool Compared(Diagnostic diagnostic)
        => PackageAnalyzers.IsMigrationRule(diagnostic.Id) && !CompilationEndRules.Contains(diagnostic.Id) && diagnostic.Location.IsInSource;
}
