using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Infrastructure;

namespace MigrationAnalyzers.Evaluation.Harness;

/// <summary>Every analyzer the package ships, found by reflection, so a rule merged from another branch is evaluated at once.</summary>
public static class PackageAnalyzers
{
    public static ImmutableArray<DiagnosticAnalyzer> All { get; } = typeof(MigrationAnalyzer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>
    /// The package's default (the Recommended preset): opt-in rules are off. A history judges what a project gets without
    /// choosing; its own <c>dotnet_diagnostic.ID.severity</c> settings turn an opt-in rule on.
    /// </summary>
    public static ImmutableDictionary<string, ReportDiagnostic> OptInRulesOff { get; } = All
        .SelectMany(analyzer => analyzer.SupportedDiagnostics)
        .Where(descriptor => descriptor.CustomTags.Contains(MigrationAnalyzers.Descriptors.RuleTags.OptIn))
        .Select(descriptor => descriptor.Id)
        .Distinct()
        .ToImmutableDictionary(id => id, _ => ReportDiagnostic.Suppress);

    /// <summary>Migration rules (MIG1xxx) are what the evaluation judges; the other rule families have their own tests.</summary>
    public static bool IsMigrationRule(string id)
        => id.Length == 7 && id.StartsWith("MIG1", StringComparison.Ordinal) && id.Skip(3).All(char.IsDigit);
}
