using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Caching;
using MigrationAnalyzers.Operations;

namespace MigrationAnalyzers.Reading;

/// <summary>
/// The migrations of one compilation, shared by every rule. Built lazily and once: a migration is read the first
/// time a rule asks for it, the list of all migrations the first time a rule needs history.
/// Held through a <see cref="ConditionalWeakTable{TKey,TValue}"/>, so it never keeps a compilation alive.
/// </summary>
public sealed class MigrationCatalog
{
    private static readonly ConditionalWeakTable<Compilation, MigrationCatalog> Catalogs = new ConditionalWeakTable<Compilation, MigrationCatalog>();

    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<INamedTypeSymbol, Lazy<MigrationInfo?>> _migrations =
        new ConcurrentDictionary<INamedTypeSymbol, Lazy<MigrationInfo?>>(SymbolEqualityComparer.Default);

    private readonly Lazy<MigrationSymbols> _symbols;
    private readonly Lazy<ImmutableArray<MigrationInfo>> _all;
    private readonly Lazy<MigrationHistories> _histories;
    private readonly Lazy<SameContentCache> _sharedFacts;
    private readonly Lazy<Dictionary<(MigrationFramework, long), List<MigrationInfo>>> _byPosition;
    private readonly Lazy<Dictionary<(SyntaxTree, int), MigrationInfo>> _byDeclaration;

    private MigrationCatalog(Compilation compilation)
    {
        _compilation = compilation;
        _symbols = new Lazy<MigrationSymbols>(() => MigrationSymbols.Create(compilation), LazyThreadSafetyMode.ExecutionAndPublication);
        _all = new Lazy<ImmutableArray<MigrationInfo>>(ReadAll, LazyThreadSafetyMode.ExecutionAndPublication);
        _histories = new Lazy<MigrationHistories>(() => new MigrationHistories(All), LazyThreadSafetyMode.ExecutionAndPublication);
        _sharedFacts = new Lazy<SameContentCache>(() => SameContentCache.For(compilation), LazyThreadSafetyMode.ExecutionAndPublication);
        _byPosition = new Lazy<Dictionary<(MigrationFramework, long), List<MigrationInfo>>>(IndexPositions, LazyThreadSafetyMode.ExecutionAndPublication);
        _byDeclaration = new Lazy<Dictionary<(SyntaxTree, int), MigrationInfo>>(IndexDeclarations, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public static MigrationCatalog For(Compilation compilation) => Catalogs.GetValue(compilation, c => new MigrationCatalog(c));

    /// <summary>
    /// Looked up at the first question, not when the catalog is made: rules make it at compilation start, when a lookup
    /// waits for the compiler to bind the references (and the wait was charged to whichever rule came first).
    /// </summary>
    public MigrationSymbols Symbols => _symbols.Value;

    /// <summary>The migrations were found by the names an earlier compilation of the same source read, not by their attributes.</summary>
    internal bool FoundByName { get; private set; }

    /// <summary>What the history gives every compilation of the same source (identities, the replayed schema); it holds no symbol.</summary>
    internal SameContentCache SharedFacts => _sharedFacts.Value;

    /// <summary>Every Up or Down this catalog has read: tests check that rules needing only identities read none.</summary>
    internal BodyReadCounter BodyReads { get; } = new BodyReadCounter();

    /// <summary>The migration declared by <paramref name="type"/>, or null when it is not a migration.</summary>
    public MigrationInfo? Get(INamedTypeSymbol type)
    {
        if (!Symbols.HasAny)
        {
            return null;
        }

        // Every rule asks for every type: a type already read is answered without allocating the factory.
        if (_migrations.TryGetValue(type, out var known))
        {
            return known.Value;
        }

        // Most types of a project are not migrations: they share one answer instead of a reader each.
        if (!Symbols.TryClassify(type, out _, out _))
        {
            return _migrations.GetOrAdd(type, NotAMigration).Value;
        }

        // Read without the caller's cancellation token: the result is shared, and a cancelled read must not be cached.
        return _migrations.GetOrAdd(type, t => new Lazy<MigrationInfo?>(() => Read(t), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    private static readonly Lazy<MigrationInfo?> NotAMigration = new Lazy<MigrationInfo?>(() => null, LazyThreadSafetyMode.PublicationOnly);

    /// <summary>Every migration in the compilation's source, in history order (position, then name).</summary>
    public ImmutableArray<MigrationInfo> All => _all.Value;

    /// <summary>
    /// The migration that <paramref name="declaration"/> declares a part of (its Designer part too), found without
    /// binding once the history has been read; false when it declares none or the history is not read yet, and the
    /// caller binds the declaration. Every file's classes are looked at by the migration rules, and binding each
    /// declaration again cost more than anything the rules did with it.
    /// </summary>
    internal bool TryGetDeclaredBy(ClassDeclarationSyntax declaration, out MigrationInfo? migration)
    {
        migration = null;
        return _all.IsValueCreated
               && _byDeclaration.Value.TryGetValue((declaration.SyntaxTree, declaration.SpanStart), out migration);
    }

    /// <summary>
    /// The migrations of <paramref name="framework"/> at <paramref name="position"/>, in history order: rules ask which
    /// positions are taken for every migration they judge, and a scan of the whole catalog each time grows with the square
    /// of the history.
    /// </summary>
    internal IReadOnlyList<MigrationInfo> AtPosition(MigrationFramework framework, long position)
        => _byPosition.Value.TryGetValue((framework, position), out var found) ? found : Array.Empty<MigrationInfo>();

    /// <summary>The migrations of the same history as <paramref name="migration"/> that come before it, oldest first.</summary>
    public IEnumerable<MigrationInfo> Earlier(MigrationInfo migration)
    {
        return TryFindHistory(migration, out var history, out var earlierCount)
            ? Range(history, 0, earlierCount)
            : ScanEarlier(migration);
    }

    /// <summary>
    /// The history of <paramref name="migration"/> in order, of which the first <paramref name="earlierCount"/> are
    /// <see cref="Earlier"/>; false for a migration outside the compilation's source.
    /// </summary>
    internal bool TryFindHistory(MigrationInfo migration, out ImmutableArray<MigrationInfo> history, out int earlierCount)
    {
        if (!Histories.TryFind(migration, out history, out var index))
        {
            earlierCount = 0;
            return false;
        }

        // History order is position order: the migrations strictly before are a prefix, up to those sharing its position.
        earlierCount = index;
        while (earlierCount > 0 && !IsBefore(history[earlierCount - 1], migration))
        {
            earlierCount--;
        }

        return true;
    }

    /// <summary>
    /// <see cref="Earlier"/> newest first, read lazily: history walks that stop at the first answer (the last
    /// definition of a column, the migration that added it) touch only the migrations they need.
    /// </summary>
    public IEnumerable<MigrationInfo> EarlierNewestFirst(MigrationInfo migration)
    {
        if (!Histories.TryFind(migration, out var history, out var index))
        {
            return ScanEarlier(migration).Reverse();
        }

        return Backwards(history, index, migration);
    }

    /// <summary>The migrations of the same history as <paramref name="migration"/> that come after it.</summary>
    public IEnumerable<MigrationInfo> Later(MigrationInfo migration)
    {
        if (!Histories.TryFind(migration, out var history, out var index))
        {
            return ScanLater(migration);
        }

        var start = index + 1;
        while (start < history.Length && !IsBefore(migration, history[start]))
        {
            start++;
        }

        return Range(history, start, history.Length);
    }

    private MigrationHistories Histories => _histories.Value;

    /// <summary>
    /// For a location outside <paramref name="migration"/>'s own class, in code its Up or Down reads from a base class:
    /// the first migration in history order that reads that code. Null when the location is in the migration itself.
    /// </summary>
    internal MigrationInfo? OwnerOfInheritedCode(MigrationInfo migration, Location location)
    {
        if (!location.IsInSource || location.SourceTree is not { } tree || migration.Declares(location))
        {
            return null;
        }

        foreach (var candidate in All)
        {
            if (Reads(candidate.Up, tree, location.SourceSpan) || Reads(candidate.Down, tree, location.SourceSpan))
            {
                return candidate;
            }
        }

        return null;

        static bool Reads(MigrationBody body, SyntaxTree tree, Microsoft.CodeAnalysis.Text.TextSpan span)
        {
            if (body.Declaration is { } declaration && declaration.SyntaxTree == tree && declaration.Span.Contains(span))
            {
                return true;
            }

            foreach (var called in body.CalledMethods)
            {
                if (called.SyntaxTree == tree && called.Span.Contains(span))
                {
                    return true;
                }
            }

            return false;
        }
    }

    private static IEnumerable<MigrationInfo> Range(ImmutableArray<MigrationInfo> history, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            yield return history[i];
        }
    }

    private static IEnumerable<MigrationInfo> Backwards(ImmutableArray<MigrationInfo> history, int index, MigrationInfo migration)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            if (IsBefore(history[i], migration))
            {
                yield return history[i];
            }
        }
    }

    /// <summary>For a migration outside the compilation's source, which the index does not hold.</summary>
    private IEnumerable<MigrationInfo> ScanEarlier(MigrationInfo migration)
    {
        foreach (var other in All)
        {
            if (ReferenceEquals(other, migration) || SymbolEqualityComparer.Default.Equals(other.Symbol, migration.Symbol))
            {
                yield break;
            }

            if (other.SharesHistoryWith(migration) && IsBefore(other, migration))
            {
                yield return other;
            }
        }
    }

    private IEnumerable<MigrationInfo> ScanLater(MigrationInfo migration)
    {
        foreach (var other in All)
        {
            if (other.SharesHistoryWith(migration) && IsBefore(migration, other))
            {
                yield return other;
            }
        }
    }

    private static bool IsBefore(MigrationInfo first, MigrationInfo second)
        => first.Position is { } a && second.Position is { } b && a < b;

    private MigrationInfo? Read(INamedTypeSymbol type)
        => Symbols.TryClassify(type, out var framework, out var style)
            ? MigrationReader.Read(_compilation, Symbols, type, framework, style, CancellationToken.None, BodyReads)
            : null;

    /// <summary>
    /// Every migration, from what an earlier compilation of the same source read when there is one: the IDE analyses
    /// each document in a new Compilation over the same trees, and reading the attributes of every type again would
    /// bind them all, per document.
    /// </summary>
    private ImmutableArray<MigrationInfo> ReadAll()
    {
        if (!Symbols.HasAny)
        {
            return ImmutableArray<MigrationInfo>.Empty;
        }

        var known = SharedFacts.GetOrAdd("catalog|identities", () => new KnownIdentities());
        if (known.Identities is { } identities && Attach(identities) is { } attached)
        {
            FoundByName = true;
            return attached;
        }

        var all = ReadFromSymbols();
        known.Identities ??= Identities(all);
        return all;
    }

    /// <summary>The migrations <paramref name="identities"/> name, in their order; null when one of them is not found.</summary>
    private ImmutableArray<MigrationInfo>? Attach(MigrationIdentity[] identities)
    {
        var builder = ImmutableArray.CreateBuilder<MigrationInfo>(identities.Length);

        // A history names one context for all its migrations: each is looked up once.
        var contexts = new Dictionary<string, INamedTypeSymbol?>(StringComparer.Ordinal);
        INamedTypeSymbol? FindContext(string name)
        {
            if (!contexts.TryGetValue(name, out var context))
            {
                contexts[name] = context = _compilation.Assembly.GetTypeByMetadataName(name) ?? _compilation.GetTypeByMetadataName(name);
            }

            return context;
        }

        foreach (var identity in identities)
        {
            if (MigrationReader.Attach(_compilation, Symbols, identity, BodyReads, FindContext) is not { } migration)
            {
                return null;
            }

            // A rule may have asked for this type already: every caller gets the same instance.
            var shared = _migrations.GetOrAdd(migration.Symbol, _ => new Lazy<MigrationInfo?>(() => migration, LazyThreadSafetyMode.ExecutionAndPublication)).Value;
            if (shared is null)
            {
                return null;
            }

            builder.Add(shared);
        }

        return builder.MoveToImmutable();
    }

    private static MigrationIdentity[]? Identities(ImmutableArray<MigrationInfo> all)
    {
        var identities = new MigrationIdentity[all.Length];
        for (var i = 0; i < identities.Length; i++)
        {
            if (MigrationIdentity.Of(all[i]) is not { } identity)
            {
                return null;
            }

            identities[i] = identity;
        }

        return identities;
    }

    private ImmutableArray<MigrationInfo> ReadFromSymbols()
    {
        var builder = ImmutableArray.CreateBuilder<MigrationInfo>();
        Collect(_compilation.Assembly.GlobalNamespace, builder);

        // Names are formatted once per migration, not once per comparison.
        var keyed = new SortKey[builder.Count];
        for (var i = 0; i < keyed.Length; i++)
        {
            keyed[i] = new SortKey(builder[i]);
        }

        Array.Sort(keyed, static (a, b) =>
        {
            var byPosition = a.Position.CompareTo(b.Position);
            return byPosition != 0 ? byPosition : string.CompareOrdinal(a.Name, b.Name);
        });
        return keyed.Select(k => k.Migration).ToImmutableArray();
    }

    /// <summary>
    /// Types only: asking a type for all its members would create the symbols of every method, property and field of
    /// every class in the compilation, which a new compilation (the IDE makes one per edit) has not built yet.
    /// </summary>
    private void Collect(INamespaceSymbol container, ImmutableArray<MigrationInfo>.Builder builder)
    {
        foreach (var ns in container.GetNamespaceMembers())
        {
            Collect(ns, builder);
        }

        foreach (var type in container.GetTypeMembers())
        {
            Collect(type, builder);
        }
    }

    private void Collect(INamedTypeSymbol type, ImmutableArray<MigrationInfo>.Builder builder)
    {
        if (Get(type) is { } migration)
        {
            builder.Add(migration);
        }

        foreach (var nested in type.GetTypeMembers())
        {
            Collect(nested, builder);
        }
    }

    /// <summary>The identities of the migrations of one set of trees, once one compilation has read them (no symbol).</summary>
    private sealed class KnownIdentities
    {
        private MigrationIdentity[]? _identities;

        public MigrationIdentity[]? Identities
        {
            get => Volatile.Read(ref _identities);
            set => Volatile.Write(ref _identities, value);
        }
    }

    private Dictionary<(SyntaxTree, int), MigrationInfo> IndexDeclarations()
    {
        var index = new Dictionary<(SyntaxTree, int), MigrationInfo>(All.Length * 2);
        foreach (var migration in All)
        {
            foreach (var part in migration.Symbol.DeclaringSyntaxReferences)
            {
                // The span a reference keeps is the declaration's own, so its start is where the walk finds the class.
                index[(part.SyntaxTree, part.Span.Start)] = migration;
            }
        }

        return index;
    }

    private Dictionary<(MigrationFramework, long), List<MigrationInfo>> IndexPositions()
    {
        var index = new Dictionary<(MigrationFramework, long), List<MigrationInfo>>();
        foreach (var migration in All)
        {
            if (migration.Position is not { } position)
            {
                continue;
            }

            if (!index.TryGetValue((migration.Framework, position), out var list))
            {
                index[(migration.Framework, position)] = list = new List<MigrationInfo>(1);
            }

            list.Add(migration);
        }

        return index;
    }

    private readonly struct SortKey
    {
        public SortKey(MigrationInfo migration)
        {
            Migration = migration;
            Position = migration.Position ?? long.MaxValue;
            Name = migration.Symbol.ToDisplayString();
        }

        public MigrationInfo Migration { get; }

        public long Position { get; }

        public string Name { get; }
    }
}
