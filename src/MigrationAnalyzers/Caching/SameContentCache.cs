using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace MigrationAnalyzers.Caching;

/// <summary>
/// Facts read from the whole source of a compilation, shared by every compilation with the same syntax trees and
/// references. The IDE asks for one document at a time, and Roslyn runs the compilation-start actions again for each
/// request, on a new Compilation with new symbols over the very same trees: whatever is cached per Compilation is read
/// again for every document (for history rules, the whole history each time). Kept per first syntax tree, for the newest
/// set of trees only: an edit anywhere makes a new set, and the facts are read again from it.
/// Values must hold no symbol, semantic model or compilation: they outlive the compilation that read them.
/// </summary>
internal sealed class SameContentCache
{
    private static readonly ConditionalWeakTable<SyntaxTree, StrongBox<SameContentCache?>> ByFirstTree = new ConditionalWeakTable<SyntaxTree, StrongBox<SameContentCache?>>();

    // Comparing every tree of a large project costs more than most questions asked here; a compilation's own answer is
    // kept beside it (weakly: the cache never keeps a compilation alive, and dies with it).
    private static readonly ConditionalWeakTable<Compilation, SameContentCache> ByCompilation = new ConditionalWeakTable<Compilation, SameContentCache>();

    private readonly ImmutableArray<SyntaxTree> _trees;
    private readonly ImmutableArray<MetadataReference> _references;
    private readonly ConcurrentDictionary<string, object> _values = new ConcurrentDictionary<string, object>(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<SyntaxTree, object>> _perTree = new ConcurrentDictionary<string, ConcurrentDictionary<SyntaxTree, object>>(StringComparer.Ordinal);

    private SameContentCache(ImmutableArray<SyntaxTree> trees, ImmutableArray<MetadataReference> references)
    {
        _trees = trees;
        _references = references;
    }

    public static SameContentCache For(Compilation compilation)
        => ByCompilation.GetValue(compilation, Find);

    private static SameContentCache Find(Compilation compilation)
    {
        var trees = compilation.SyntaxTrees.ToImmutableArray();
        var references = compilation.ExternalReferences;
        if (trees.IsEmpty)
        {
            return new SameContentCache(trees, references);
        }

        var box = ByFirstTree.GetValue(trees[0], _ => new StrongBox<SameContentCache?>());
        lock (box)
        {
            if (box.Value is { } cached && cached.HasSameContentAs(trees, references))
            {
                return cached;
            }

            var created = new SameContentCache(trees, references);
            if (box.Value is { } previous)
            {
                created.KeepPerTreeFactsOf(previous);
            }

            return box.Value = created;
        }
    }

    /// <summary>
    /// What <paramref name="read"/> gives for <paramref name="tree"/>, read once: kept with this set of trees, and handed
    /// to the set the next edit makes for every tree the edit left alone. It must depend on the tree alone and hold no
    /// symbol. (These were kept in a table per tree, which took a lock for every file of the project and held a
    /// handle the collector scans at every collection.)
    /// </summary>
    public T PerTree<T>(string memo, SyntaxTree tree, Func<SyntaxTree, T> read)
        where T : class
    {
        var facts = _perTree.GetOrAdd(memo, static _ => new ConcurrentDictionary<SyntaxTree, object>());
        return facts.TryGetValue(tree, out var known) ? (T)known : (T)facts.GetOrAdd(tree, read(tree));
    }

    /// <summary>The per-tree facts of <paramref name="previous"/> for the trees this set still has.</summary>
    private void KeepPerTreeFactsOf(SameContentCache previous)
    {
        var kept = new HashSet<SyntaxTree>(_trees);
        foreach (var memo in previous._perTree)
        {
            var facts = new ConcurrentDictionary<SyntaxTree, object>();
            foreach (var entry in memo.Value)
            {
                if (kept.Contains(entry.Key))
                {
                    facts[entry.Key] = entry.Value;
                }
            }

            _perTree[memo.Key] = facts;
        }
    }

    /// <summary>The value kept under <paramref name="key"/>, read once per set of trees; it must hold no symbol.</summary>
    public T GetOrAdd<T>(string key, Func<T> read)
        where T : class
        => (T)_values.GetOrAdd(key, _ => read());

    private bool HasSameContentAs(ImmutableArray<SyntaxTree> trees, ImmutableArray<MetadataReference> references)
        => SameItems(_trees, trees) && SameItems(_references, references);

    /// <summary>The same objects in the same order: a tree or reference that changed is a new object.</summary>
    private static bool SameItems<T>(ImmutableArray<T> a, ImmutableArray<T> b)
        where T : class
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            if (!ReferenceEquals(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }
}
