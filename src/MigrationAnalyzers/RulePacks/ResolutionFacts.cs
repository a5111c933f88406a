using System;
using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using MigrationAnalyzers.Caching;

namespace MigrationAnalyzers.RulePacks;

/// <summary>
/// What resolving documentation IDs against a compilation's source and references found, without the symbols: whether a
/// name exists or an assembly is referenced, and which rule patterns resolve to nothing at all. The IDE starts every analyzer again per document on a
/// new compilation over the same trees and references, and most pack rules target libraries the project does not use;
/// these answers let the next compilation skip them instead of searching every namespace again. Shared through
/// <see cref="SameContentCache"/>: each answer is keyed by the question itself (an ID, a pattern and its receiver), so it
/// holds whatever packs, settings or target framework ask it. Holds strings and booleans only.
/// </summary>
internal sealed class ResolutionFacts
{
    private readonly ConcurrentDictionary<string, bool> _exists = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _resolvesToNothing = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);

    /// <summary>
    /// The facts for <paramref name="compilation"/>'s trees and references. The assembly name and the metadata import
    /// options are part of the key: they are the compilation's own settings that bear on what a name finds (the import
    /// options decide which metadata members exist), and a compilation that changes them is rare enough to read afresh.
    /// </summary>
    public static ResolutionFacts For(Compilation compilation)
        => SameContentCache.For(compilation).GetOrAdd(
            "rulepacks|resolution|" + compilation.AssemblyName + "|" + compilation.Options.MetadataImportOptions,
            () => new ResolutionFacts());

    /// <summary>The answer to <paramref name="question"/> already found for these trees and references, else <paramref name="ask"/>'s.</summary>
    public bool Exists(string question, Compilation compilation, Func<Compilation, bool> ask, ref int asked)
    {
        if (_exists.TryGetValue(question, out var known))
        {
            return known;
        }

        asked++;
        var answer = ask(compilation);
        _exists.TryAdd(question, answer);
        return answer;
    }

    /// <summary>Whether a pattern (with its receiver) was found to resolve to nothing in these trees and references.</summary>
    public bool ResolvesToNothing(string pattern) => _resolvesToNothing.ContainsKey(pattern);

    public void RecordResolvesToNothing(string pattern) => _resolvesToNothing.TryAdd(pattern, true);
}
