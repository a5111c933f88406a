using System.Collections.Generic;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace MigrationAnalyzers.Tests.Infrastructure;

/// <summary>
/// Downloads every package the tests' <see cref="ReferenceAssemblies"/> name before any test runs.
/// Testing 1.1.4 resolves a package it has just downloaded into its own temporary folder to an incomplete set of
/// references (the assemblies of freshly extracted packages are missing), and it caches that result for the rest of the
/// process: on a cold cache the first test of each package set then fails with CS0234. Resolving a throw-away copy of
/// each set first (equal but for its identity comparer, so it is cached apart) puts every package on disk, and the
/// real sets then resolve from there.
/// </summary>
internal static class ReferencePackagesWarmUp
{
    [ModuleInitializer]
    internal static void DownloadAll()
    {
        // Synchronously on this thread: code of this module run from another thread would wait for this initializer.
        foreach (var references in AllSets())
        {
            references.WithAssemblyIdentityComparer(DesktopAssemblyIdentityComparer.Default)
                .ResolveAsync(LanguageNames.CSharp, CancellationToken.None)
                .GetAwaiter()
                .GetResult();
        }
    }

    /// <summary>Every set <see cref="TestReferences"/> declares, and the ones tests build from it with an older version.</summary>
    private static IEnumerable<ReferenceAssemblies> AllSets()
    {
        foreach (var field in typeof(TestReferences).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (field.GetValue(null) is ReferenceAssemblies references)
            {
                yield return references;
            }
        }

        yield return TestReferences.EfCoreRelational("6.0.7");
    }
}
