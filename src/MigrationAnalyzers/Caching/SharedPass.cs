using System;
using System.Collections.Generic;
using System.Threading;

namespace MigrationAnalyzers.Caching;

/// <summary>
/// One pass over a list, from its last item to its first, shared by every thread that runs it at the same time: each
/// takes the next item no thread has taken, so the items are read once between them and the pass ends for all at about
/// the same time. The driver analyses two files at once, and the first migration rule on each asks for the same
/// history-wide answer (the target database of the history, its branch gaps): one thread read every migration while
/// the other waited for it, and both were charged to the analyzers. A thread that comes after the pass has ended reads
/// nothing here. From the last item, as the schema timeline reads the history from the first.
/// </summary>
internal sealed class SharedPass<T>
{
    private readonly IReadOnlyList<T> _items;
    private int _taken;

    public SharedPass(IReadOnlyList<T> items)
    {
        _items = items;
    }

    /// <summary>Reads the items no other thread has taken; returns when every item has been taken (some may still be being read).</summary>
    public void Run(Action<T> read)
    {
        var count = _items.Count;
        while (Volatile.Read(ref _taken) < count)
        {
            var taken = Interlocked.Increment(ref _taken);
            if (taken > count)
            {
                return;
            }

            read(_items[count - taken]);
        }
    }
}
