using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.Reversal;

/// <summary>
/// The schema before a migration, without replaying the whole history each time: every history keeps a copy of the
/// schema after each <see cref="Interval"/> migrations (built once, in order), and a migration starts from the copy
/// just before it. Replaying from the first migration for every Down made reversal rules quadratic in history length.
/// Held per catalog through a <see cref="ConditionalWeakTable{TKey,TValue}"/>, so it lives as long as the compilation.
/// </summary>
internal sealed class SchemaCheckpoints
{
    /// <summary>Few enough copies to keep memory small, near enough that a migration replays at most this many.</summary>
    private const int Interval = 64;

    private static readonly ConditionalWeakTable<MigrationCatalog, SchemaCheckpoints> Cache = new ConditionalWeakTable<MigrationCatalog, SchemaCheckpoints>();

    /// <summary>Per history, keyed by its first migration.</summary>
    private readonly ConcurrentDictionary<MigrationInfo, HistoryCheckpoints> _histories = new ConcurrentDictionary<MigrationInfo, HistoryCheckpoints>();

    /// <summary>The schema after every migration of the same history before <paramref name="migration"/>; the caller owns the result.</summary>
    public static SchemaHistory Before(MigrationInfo migration, MigrationCatalog catalog)
    {
        if (!catalog.TryFindHistory(migration, out var history, out var earlierCount))
        {
            var replayed = new SchemaHistory();
            foreach (var earlier in catalog.Earlier(migration))
            {
                Apply(replayed, earlier);
            }

            return replayed;
        }

        var checkpoints = Cache.GetValue(catalog, _ => new SchemaCheckpoints())._histories.GetOrAdd(history[0], _ => new HistoryCheckpoints());
        return checkpoints.Before(history, earlierCount);
    }

    private static void Apply(SchemaHistory schema, MigrationInfo migration)
    {
        foreach (var operation in migration.Up.Operations)
        {
            schema.Apply(operation);
        }
    }

    private sealed class HistoryCheckpoints
    {
        private readonly object _gate = new object();

        /// <summary>Item c: the schema after the first c × <see cref="Interval"/> migrations. Never changed once added.</summary>
        private readonly List<SchemaHistory> _after = new List<SchemaHistory> { new SchemaHistory() };

        public SchemaHistory Before(ImmutableArray<MigrationInfo> history, int count)
        {
            var checkpoint = count / Interval;
            SchemaHistory start;
            lock (_gate)
            {
                while (_after.Count <= checkpoint)
                {
                    var from = (_after.Count - 1) * Interval;
                    var next = _after[_after.Count - 1].Clone();
                    for (var i = from; i < from + Interval; i++)
                    {
                        Apply(next, history[i]);
                    }

                    _after.Add(next);
                }

                start = _after[checkpoint];
            }

            var schema = start.Clone();
            for (var i = checkpoint * Interval; i < count; i++)
            {
                Apply(schema, history[i]);
            }

            return schema;
        }
    }
}
