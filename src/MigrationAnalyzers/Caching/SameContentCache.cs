using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
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
    private readonly ConcurrentDictionary<string, object> _gates = new ConcurrentDictionary<string, object>(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SharedPass<SyntaxTree>> _passes = new ConcurrentDictionary<string, SharedPass<SyntaxTree>>(StringComparer.Ordinal);

    // Per-tree facts: for each memo, one slot per tree of the set, at the tree's position in it. Several rules fill
    // them from concurrent callbacks, a slot a file: a table keyed by tree took a lock for every insert and again to
    // grow, and the threads queued on those locks.
    private readonly ConcurrentDictionary<string, object?[]> _perTree = new ConcurrentDictionary<string, object?[]>(StringComparer.Ordinal);
    private readonly Lazy<Dictionary<SyntaxTree, int>> _positions;

    private SameContentCache(ImmutableArray<SyntaxTree> trees, ImmutableArray<MetadataReference> references)
    {
        _trees = trees;
        _references = references;
        _positions = new Lazy<Dictionary<SyntaxTree, int>>(() => PositionsOf(trees), LazyThreadSafetyMode.ExecutionAndPublication);
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
        if (!_positions.Value.TryGetValue(tree, out var position))
        {
            // Not a tree of this set (a caller mixing compilations): read, and not kept.
            return read(tree);
        }

        if (!_perTree.TryGetValue(memo, out var facts))
        {
            facts = _perTree.GetOrAdd(memo, new object?[_trees.Length]);
        }

        if (Volatile.Read(ref facts[position]) is { } known)
        {
            return (T)known;
        }

        // Read again by a concurrent caller at worst: the first value kept is the one every caller gets.
        var value = read(tree);
        return (T)(Interlocked.CompareExchange(ref facts[position], value, null) ?? value);
    }

    /// <summary>The per-tree facts of <paramref name="previous"/> for the trees this set still has.</summary>
    private void KeepPerTreeFactsOf(SameContentCache previous)
    {
        var positions = _positions.Value;
        foreach (var memo in previous._perTree)
        {
            var facts = new object?[_trees.Length];
            for (var i = 0; i < previous._trees.Length; i++)
            {
                if (Volatile.Read(ref memo.Value[i]) is { } value && positions.TryGetValue(previous._trees[i], out var position))
                {
                    facts[position] = value;
                }
            }

            _perTree[memo.Key] = facts;
        }
    }

    private static Dictionary<SyntaxTree, int> PositionsOf(ImmutableArray<SyntaxTree> trees)
    {
        var positions = new Dictionary<SyntaxTree, int>(trees.Length);
        for (var i = 0; i < trees.Length; i++)
        {
            // A tree listed twice is refused by the compiler; the first position serves if one ever is.
            if (!positions.ContainsKey(trees[i]))
            {
                positions.Add(trees[i], i);
            }
        }

        return positions;
    }

    /// <summary>
    /// The value kept under <paramref name="key"/>, read once per set of trees; it must hold no symbol. One caller reads
    /// it, and any other asking meanwhile waits for that answer: the driver analyses two files at once, the first rule
    /// on each asks for the same whole-source fact, and both read it in full. A read that throws keeps nothing, and the
    /// next caller reads again.
    /// </summary>
    public T GetOrAdd<T>(string key, Func<T> read)
        where T : class
    {
        if (_values.TryGetValue(key, out var known))
        {
            return (T)known;
        }

        lock (_gates.GetOrAdd(key, static _ => new object()))
        {
            if (_values.TryGetValue(key, out known))
            {
                return (T)known;
            }

            var value = read();
            _values[key] = value;
            return value;
        }
    }

    /// <summary>
    /// <see cref="GetOrAdd"/> for a value built from a fact of every tree: unless the value is known, the trees' facts
    /// (<see cref="PerTree"/> under <paramref name="memo"/>) are first read in a pass the threads asking at the same time
    /// share, so they read the trees between them instead of one reading all of them while the others wait for it.
    /// </summary>
    public T GetOrAddFromTrees<TTree, T>(string key, string memo, Func<SyntaxTree, TTree> readTree, Func<T> build)
        where TTree : class
        where T : class
    {
        if (TryGet<T>(key, out var known))
        {
            return known;
        }

        _passes.GetOrAdd(key, _ => new SharedPass<SyntaxTree>(_trees)).Run(tree => PerTree(memo, tree, readTree));
        return GetOrAdd(key, build);
    }

    /// <summary>The value kept under <paramref name="key"/>, if it has been read.</summary>
    public bool TryGet<T>(string key, out T value)
        where T : class
    {
        var found = _values.TryGetValue(key, out var known);
        value = found ? (T)known : null!;
        return found;
    }

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
