using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace MigrationAnalyzers.Model;

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

    private readonly Lazy<ImmutableArray<MigrationInfo>> _all;

    private MigrationCatalog(Compilation compilation)
    {
        _compilation = compilation;
        Symbols = MigrationSymbols.Create(compilation);
        _all = new Lazy<ImmutableArray<MigrationInfo>>(ReadAll, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public static MigrationCatalog For(Compilation compilation) => Catalogs.GetValue(compilation, c => new MigrationCatalog(c));

    public MigrationSymbols Symbols { get; }

    /// <summary>The migration declared by <paramref name="type"/>, or null when it is not a migration.</summary>
    public MigrationInfo? Get(INamedTypeSymbol type)
    {
        if (!Symbols.HasAny)
        {
            return null;
        }

        // Read without the caller's cancellation token: the result is shared, and a cancelled read must not be cached.
        return _migrations.GetOrAdd(type, t => new Lazy<MigrationInfo?>(() => Read(t), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    /// <summary>Every migration in the compilation's source, in history order (position, then name).</summary>
    public ImmutableArray<MigrationInfo> All => _all.Value;

    /// <summary>The migrations of the same history as <paramref name="migration"/> that come before it.</summary>
    public IEnumerable<MigrationInfo> Earlier(MigrationInfo migration)
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

    /// <summary>The migrations of the same history as <paramref name="migration"/> that come after it.</summary>
    public IEnumerable<MigrationInfo> Later(MigrationInfo migration)
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
            ? MigrationReader.Read(_compilation, Symbols, type, framework, style, CancellationToken.None)
            : null;

    private ImmutableArray<MigrationInfo> ReadAll()
    {
        var builder = ImmutableArray.CreateBuilder<MigrationInfo>();
        if (Symbols.HasAny)
        {
            Collect(_compilation.Assembly.GlobalNamespace, builder);
        }

        builder.Sort(static (a, b) =>
        {
            var byPosition = (a.Position ?? long.MaxValue).CompareTo(b.Position ?? long.MaxValue);
            return byPosition != 0 ? byPosition : string.CompareOrdinal(a.Symbol.ToDisplayString(), b.Symbol.ToDisplayString());
        });
        return builder.ToImmutable();
    }

    private void Collect(INamespaceOrTypeSymbol container, ImmutableArray<MigrationInfo>.Builder builder)
    {
        foreach (var member in container.GetMembers())
        {
            if (member is INamespaceSymbol ns)
            {
                Collect(ns, builder);
            }
            else if (member is INamedTypeSymbol type)
            {
                if (Get(type) is { } migration)
                {
                    builder.Add(migration);
                }

                Collect(type, builder);
            }
        }
    }
}
