using System;
using System.Diagnostics;
using System.Threading;

namespace MigrationAnalyzers.Benchmarks;

/// <summary>Samples the managed heap and the working set while a run goes on, to report the peak it added.</summary>
internal sealed class MemoryProbe : IDisposable
{
    private readonly long _heapBefore;
    private readonly long _workingSetBefore;
    private readonly long _allocatedBefore;
    private readonly TimeSpan _pausedBefore;
    private readonly int _gen2Before;
    private readonly Timer _timer;
    private long _heapPeak;
    private long _workingSetPeak;

    private MemoryProbe()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        _heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        _workingSetBefore = process.WorkingSet64;
        _allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        _pausedBefore = GC.GetTotalPauseDuration();
        _gen2Before = GC.CollectionCount(2);
        _heapPeak = _heapBefore;
        _workingSetPeak = _workingSetBefore;
        _timer = new Timer(_ => Measure(), null, 0, 25);
    }

    /// <summary>What the run added: heap and working set at their peak, bytes allocated, time the collector stopped every thread, and full collections.</summary>
    public readonly record struct Sample(long HeapPeakAdded, long WorkingSetPeakAdded, long Allocated, TimeSpan Paused, int FullCollections);

    public static MemoryProbe Start() => new MemoryProbe();

    public Sample Stop()
    {
        _timer.Change(Timeout.Infinite, Timeout.Infinite);
        Measure();
        return new Sample(
            Interlocked.Read(ref _heapPeak) - _heapBefore,
            Interlocked.Read(ref _workingSetPeak) - _workingSetBefore,
            GC.GetTotalAllocatedBytes(precise: true) - _allocatedBefore,
            GC.GetTotalPauseDuration() - _pausedBefore,
            GC.CollectionCount(2) - _gen2Before);
    }

    public void Dispose() => _timer.Dispose();

    private void Measure()
    {
        var heap = GC.GetTotalMemory(forceFullCollection: false);
        using var process = Process.GetCurrentProcess();
        var workingSet = process.WorkingSet64;
        InterlockedMax(ref _heapPeak, heap);
        InterlockedMax(ref _workingSetPeak, workingSet);
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long current;
        while (value > (current = Interlocked.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
