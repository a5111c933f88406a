using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using MigrationAnalyzers.Reading;

namespace MigrationAnalyzers.History;

/// <summary>
/// The one schema timeline of each history: the schema before any of its migrations, replayed in migration order
/// from the earlier migrations' Up. Built incrementally and once: every history keeps a copy of the schema after
/// each <see cref="Interval"/> migrations, and a migration starts from the copy just before it, so no question
/// replays the whole history (that made rules quadratic in history length). Held per catalog through a
/// <see cref="ConditionalWeakTable{TKey,TValue}"/>, so it lives exactly as long as the compilation.
/// Rules ask through <see cref="UpTimeline"/>.
/// </summary>
internal sealed class SchemaTimeline
{
    /// <summary>Few enough copies to keep memory small, near enough that a migration replays at most this many.</summary>
    private const int Interval = 64;

    private static readonly ConditionalWeakTable<MigrationCatalog, SchemaTimeline> Cache = new ConditionalWeakTable<MigrationCatalog, SchemaTimeline>();

    /// <summary>Per history, keyed by its first migration.</summary>
    private readonly ConcurrentDictionary<MigrationInfo, HistoryCheckpoints> _histories = new ConcurrentDictionary<MigrationInfo, HistoryCheckpoints>();

    /// <summary>
    /// The schema after every migration of the same history before <paramref name="migration"/>, ready to apply
    /// <paramref name="migration"/>'s own operations (its <see cref="SchemaHistory.Step"/> is the migration's); the caller owns the result.
    /// </summary>
    public static SchemaHistory Before(MigrationInfo migration, MigrationCatalog catalog)
    {
        if (!catalog.TryFindHistory(migration, out var history, out var earlierCount))
        {
            var replayed = new SchemaHistory();
            var step = 0;
            foreach (var earlier in catalog.Earlier(migration))
            {
                Apply(replayed, earlier, step++);
            }

            replayed.Enter(migration, step);
            return replayed;
        }

        var checkpoints = Cache.GetValue(catalog, _ => new SchemaTimeline())._histories.GetOrAdd(history[0], _ => new HistoryCheckpoints());
        var schema = checkpoints.Before(history, earlierCount);
        schema.Enter(migration, earlierCount);
        return schema;
    }

    private static void Apply(SchemaHistory schema, MigrationInfo migration, int step)
    {
        schema.Enter(migration, step);
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
                        Apply(next, history[i], i);
                    }

                    _after.Add(next);
                }

                start = _after[checkpoint];
            }

            var schema = start.Clone();
            for (var i = checkpoint * Interval; i < count; i++)
            {
                Apply(schema, history[i], i);
            }

            return schema;
        }
    }
}
