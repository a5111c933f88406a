using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MigrationAnalyzers.CodeFixes.Infrastructure;

/// <summary>
/// The package's diagnostics of a project as it is now. Fix All asks for them after every fix: the diagnostics a host
/// hands to Fix All (<c>dotnet format</c> computes them once, before any fix) point into the text as it was, and a
/// fix to one migration changes what the rules say about the later ones.
/// </summary>
internal static class CurrentDiagnostics
{
    private static readonly Lazy<ImmutableArray<DiagnosticAnalyzer>> Analyzers = new(() => typeof(MigrationAnalyzers.Infrastructure.MigrationAnalyzer).Assembly.GetTypes()
        .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .OrderBy(type => type.FullName, StringComparer.Ordinal)
        .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type))
        .ToImmutableArray());

    /// <summary>
    /// Diagnostics with one of <paramref name="ids"/> in the project's source (or in one document of it), as a build
    /// reports them: the project's compilation options and .editorconfig decide severities, suppressed ones are left out.
    /// </summary>
    public static async Task<IReadOnlyList<Diagnostic>> OfAsync(Project project, ImmutableHashSet<string> ids, DocumentId? onlyDocument, CancellationToken cancellationToken)
    {
        var analyzers = Analyzers.Value.Where(analyzer => analyzer.SupportedDiagnostics.Any(descriptor => ids.Contains(descriptor.Id))).ToImmutableArray();
        if (analyzers.IsEmpty || await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false) is not { } compilation)
        {
            return Array.Empty<Diagnostic>();
        }

        var onlyTree = onlyDocument is not null && project.GetDocument(onlyDocument) is { } document
            ? await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false)
            : null;
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            project.AnalyzerOptions, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        return diagnostics
            .Where(d => ids.Contains(d.Id) && d.Location.IsInSource && (onlyTree is null || d.Location.SourceTree == onlyTree))
            .ToList();
    }
}
