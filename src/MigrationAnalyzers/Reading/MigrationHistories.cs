using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace MigrationAnalyzers.Reading;

/// <summary>
/// Every history of a compilation (one per framework, and for EF Core one per DbContext) as an array in history
/// order, with each migration's place in it. Built once from <see cref="MigrationCatalog.All"/>, so walking the
/// migrations before or after one starts where it stands instead of scanning every migration again.
/// </summary>
internal sealed class MigrationHistories
{
    private readonly Dictionary<INamedTypeSymbol, Entry> _entries = new Dictionary<INamedTypeSymbol, Entry>(SymbolEqualityComparer.Default);

    public MigrationHistories(ImmutableArray<MigrationInfo> all)
    {
        var histories = new List<List<MigrationInfo>>();
        foreach (var migration in all)
        {
            var history = histories.Find(h => h[0].SharesHistoryWith(migration));
            if (history is null)
            {
                history = new List<MigrationInfo>();
                histories.Add(history);
            }

            history.Add(migration);
        }

        foreach (var history in histories)
        {
            var members = history.ToImmutableArray();
            for (var index = 0; index < members.Length; index++)
            {
                // The first declaration wins, as the linear scan over All did.
                if (!_entries.ContainsKey(members[index].Symbol))
                {
                    _entries.Add(members[index].Symbol, new Entry(members, index));
                }
            }
        }
    }

    /// <summary>The history of <paramref name="migration"/> and its index there; false when it is not in the compilation's source.</summary>
    public bool TryFind(MigrationInfo migration, out ImmutableArray<MigrationInfo> history, out int index)
    {
        if (_entries.TryGetValue(migration.Symbol, out var entry) && entry.History[entry.Index].SharesHistoryWith(migration))
        {
            history = entry.History;
            index = entry.Index;
            return true;
        }

        history = default;
        index = -1;
        return false;
    }

    private readonly struct Entry
    {
        public Entry(ImmutableArray<MigrationInfo> history, int index)
        {
            History = history;
            Index = index;
        }

        public ImmutableArray<MigrationInfo> History { get; }

        public int Index { get; }
    }
}
