using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Infrastructure;

namespace MigrationAnalyzers.Tests.Infrastructure;

/// <summary>
/// Every analyzer and code fix the package ships, found by reflection over its two assemblies — so a rule added on
/// another branch is covered by the robustness gate as soon as it is merged, without editing the tests.
/// </summary>
public static class ExtensionDiscovery
{
    public static Assembly AnalyzerAssembly { get; } = typeof(MigrationAnalyzer).Assembly;

    public static Assembly CodeFixAssembly { get; } = Assembly.Load(new AssemblyName("MigrationAnalyzers.CodeFixes"));

    public static ImmutableArray<DiagnosticAnalyzer> Analyzers() => AnalyzerAssembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    public static ImmutableArray<CodeFixProvider> CodeFixes() => CodeFixAssembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>Every diagnostic the analyzers can report, to switch on rules that are off by default.</summary>
    public static ImmutableArray<string> AllDiagnosticIds(ImmutableArray<DiagnosticAnalyzer> analyzers)
        => analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct(StringComparer.Ordinal).ToImmutableArray();
}
