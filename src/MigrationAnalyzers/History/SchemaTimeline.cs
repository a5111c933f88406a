using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using MigrationAnalyzers.Caching;
using MigrationAnalyzers.Operations;
using MigrationAnalyzers.Reading;

namespace MigrationAnalyzers.History;

/// <summary>
/// The one schema timeline of each history: the schema before any of its migrations, replayed in migration order
/// from the earlier migrations' Up. Built incrementally and once: every history keeps a copy of the schema after
/// each <see cref="Interval"/> migrations, and a migration starts from the copy just before it, so no question
/// replays the whole history (that made rules quadratic in history length).
/// <para>
/// The copies are shared by every compilation of the same source (<see cref="SameContentCache"/>): the IDE analyses
/// each document in a new compilation over the same trees, and replaying the history there again cost more than the
/// rest of the document's analysis. The copies therefore hold no symbol: operations keep none, and the states record
/// the step of a migration, resolved to the asking compilation's own migration on the copy handed out
/// (<see cref="SchemaHistory.MigrationAt"/>). Rules ask through <see cref="UpTimeline"/>.
/// </para>
/// </summary>
internal sealed class SchemaTimeline
{
    /// <summary>
    /// Near enough that a migration replays at most this many, few enough copies to keep memory small: a copy holds its
    /// own only the tables changed since the copy before it (<see cref="SchemaHistory.Clone"/>), the rest is shared.
    /// Every rule that asks the timeline replays from the copy again, so the distance is paid once per rule and migration.
    /// </summary>
    private const int Interval = 8;

    /// <summary>Per history, keyed by where its first migration is declared: the same place in every compilation of the same trees.</summary>
    private readonly ConcurrentDictionary<(SyntaxTree Tree, int Position), HistoryCheckpoints> _histories = new ConcurrentDictionary<(SyntaxTree, int), HistoryCheckpoints>();

    /// <summary>
    /// The schema after every migration of the same history before <paramref name="migration"/>, ready to apply
    /// <paramref name="migration"/>'s own operations (its <see cref="SchemaHistory.Step"/> is the migration's); the caller owns the result.
    /// </summary>
    public static SchemaHistory Before(MigrationInfo migration, MigrationCatalog catalog)
    {
        if (!catalog.TryFindHistory(migration, out var history, out var earlierCount) || FirstDeclaration(history[0]) is not { } key)
        {
            var replayed = new SchemaHistory();
            var earlier = new List<MigrationInfo>();
            foreach (var before in catalog.Earlier(migration))
            {
                Apply(replayed, before.Up.Operations, earlier.Count);
                earlier.Add(before);
            }

            replayed.Enter(earlier.Count);
            replayed.ResolveStepsWith(new Steps(earlier, earlier.Count, migration));
            return replayed;
        }

        var shared = catalog.SharedFacts.GetOrAdd("schema-timeline", () => new SchemaTimeline());
        var checkpoints = shared._histories.GetOrAdd(key, _ => new HistoryCheckpoints());
        var schema = checkpoints.Before(history, earlierCount);
        schema.Enter(earlierCount);
        schema.ResolveStepsWith(new Steps(history, earlierCount, migration));
        return schema;
    }

    private static (SyntaxTree, int)? FirstDeclaration(MigrationInfo migration)
    {
        var references = migration.Symbol.DeclaringSyntaxReferences;
        return references.Length > 0 ? (references[0].SyntaxTree, references[0].Span.Start) : null;
    }

    private static void Apply(SchemaHistory schema, ImmutableArray<MigrationOperation> up, int step)
    {
        schema.Enter(step);
        foreach (var operation in up)
        {
            schema.Apply(operation);
        }
    }

    private sealed class HistoryCheckpoints
    {
        private readonly object _gate = new object();

        /// <summary>Item c: the schema after the first c × <see cref="Interval"/> migrations. Never changed once added.</summary>
        private readonly List<SchemaHistory> _after = new List<SchemaHistory> { new SchemaHistory() };

        /// <summary>
        /// Up's operations of the migrations replayed so far, by step: a migration is replayed from the checkpoint
        /// before it, and a later compilation replays those few from here instead of reading their bodies again.
        /// </summary>
        private readonly ConcurrentDictionary<int, ImmutableArray<MigrationOperation>> _up = new ConcurrentDictionary<int, ImmutableArray<MigrationOperation>>();

        /// <summary>
        /// The schema before each of the last migrations asked for, by count of migrations before it; never changed once
        /// kept. The rules of a class run one after the other, and some eight of them ask for the same migration: each
        /// replayed the migrations since the checkpoint again, copying every table they touched.
        /// </summary>
        private readonly (int Count, SchemaHistory Schema)[] _recent = new (int, SchemaHistory)[4];

        private int _nextRecent;

        /// <summary>How many checkpoints <see cref="_after"/> holds, for reading outside the gate.</summary>
        private int _built = 1;

        /// <summary>The steps whose Up some thread has started reading ahead (<see cref="ReadAhead"/>).</summary>
        private readonly ConcurrentDictionary<int, byte> _taken = new ConcurrentDictionary<int, byte>();

        public SchemaHistory Before(ImmutableArray<MigrationInfo> history, int count)
        {
            var checkpoint = count / Interval;
            ReadAhead(history, checkpoint * Interval);
            SchemaHistory start;
            lock (_gate)
            {
                foreach (var recent in _recent)
                {
                    if (recent.Schema is not null && recent.Count == count)
                    {
                        return recent.Schema.Clone();
                    }
                }

                while (_after.Count <= checkpoint)
                {
                    var from = (_after.Count - 1) * Interval;
                    var next = _after[_after.Count - 1].Clone();
                    for (var i = from; i < from + Interval; i++)
                    {
                        Apply(next, UpOf(history, i), i);
                    }

                    next.Compact();
                    _after.Add(next);
                    Volatile.Write(ref _built, _after.Count);
                }

                start = _after[checkpoint];
            }

            var schema = start.Clone();
            if (count == checkpoint * Interval)
            {
                return schema;
            }

            for (var i = checkpoint * Interval; i < count; i++)
            {
                Apply(schema, UpOf(history, i), i);
            }

            lock (_gate)
            {
                _recent[_nextRecent] = (count, schema);
                _nextRecent = (_nextRecent + 1) % _recent.Length;
            }

            return schema.Clone();
        }

        private ImmutableArray<MigrationOperation> UpOf(ImmutableArray<MigrationInfo> history, int step)
            => _up.GetOrAdd(step, i => history[i].Up.Operations);

        /// <summary>
        /// Reads the Ups the checkpoints up to <paramref name="end"/> still need, outside the gate, sharing them with any
        /// thread doing the same: reading the bodies is most of the work, applying them is not, and the first questions
        /// come from both of the driver's threads at once (one waited at the gate while the other read the history).
        /// </summary>
        private void ReadAhead(ImmutableArray<MigrationInfo> history, int end)
        {
            for (var step = (Volatile.Read(ref _built) - 1) * Interval; step < end; step++)
            {
                if (!_up.ContainsKey(step) && _taken.TryAdd(step, 0))
                {
                    UpOf(history, step);
                }
            }
        }
    }

    /// <summary>The migrations by step as one migration sees its history: the earlier ones, then itself (one of several at its position).</summary>
    private sealed class Steps : IReadOnlyList<MigrationInfo>
    {
        private readonly IReadOnlyList<MigrationInfo> _earlier;
        private readonly int _earlierCount;
        private readonly MigrationInfo _migration;

        public Steps(IReadOnlyList<MigrationInfo> earlier, int earlierCount, MigrationInfo migration)
        {
            _earlier = earlier;
            _earlierCount = earlierCount;
            _migration = migration;
        }

        public int Count => _earlierCount + 1;

        public MigrationInfo this[int index] => index == _earlierCount ? _migration : _earlier[index];

        public IEnumerator<MigrationInfo> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
