using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Descriptors;
using MigrationAnalyzers.RulePacks;

namespace MigrationAnalyzers.Tests.Infrastructure;

/// <summary>
/// Everything the package ships, found by reflection: descriptors, analyzers and code-fix providers.
/// Generated documents and the quality checks read this, so a new rule is picked up without touching them.
/// </summary>
public static class RuleInventory
{
    public static Assembly AnalyzerAssembly { get; } = typeof(global::MigrationAnalyzers.Descriptors.Descriptors).Assembly;

    public static Assembly CodeFixAssembly { get; } = Assembly.Load(new AssemblyName("MigrationAnalyzers.CodeFixes"));

    /// <summary>The descriptors of the hand-written rules: the fields of <see cref="global::MigrationAnalyzers.Descriptors.Descriptors"/>.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> HandWrittenDescriptors { get; } = typeof(global::MigrationAnalyzers.Descriptors.Descriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
        .Select(field => (DiagnosticDescriptor)field.GetValue(null)!)
        .ToList();

    /// <summary>Every descriptor in ID order: the hand-written ones and those the built-in packs describe.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> Descriptors { get; } = HandWrittenDescriptors
        .Concat(PackDescriptors.All)
        .OrderBy(descriptor => descriptor.Id, StringComparer.Ordinal)
        .ToList();

    public static IReadOnlyList<DiagnosticAnalyzer> Analyzers { get; } = ConcreteTypes<DiagnosticAnalyzer>(AnalyzerAssembly)
        .Where(type => type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
        .ToList();

    /// <summary>Every code-fix provider class, whether or not it is exported (the quality test checks the attributes).</summary>
    public static IReadOnlyList<Type> CodeFixProviderTypes { get; } = ConcreteTypes<CodeFixProvider>(CodeFixAssembly).ToList();

    public static IReadOnlyList<CodeFixProvider> CodeFixProviders { get; } = CodeFixProviderTypes
        .Select(type => (CodeFixProvider)Activator.CreateInstance(type)!)
        .ToList();

    /// <summary>IDs some code-fix provider offers a fix for.</summary>
    public static ISet<string> FixableIds { get; } = CodeFixProviders
        .SelectMany(provider => provider.FixableDiagnosticIds)
        .ToHashSet(StringComparer.Ordinal);

    public static bool IsOptIn(DiagnosticDescriptor descriptor) => descriptor.CustomTags.Contains(RuleTags.OptIn);

    private static IEnumerable<Type> ConcreteTypes<TBase>(Assembly assembly)
        => assembly.GetTypes().Where(type => type.IsClass && !type.IsAbstract && typeof(TBase).IsAssignableFrom(type));
}
