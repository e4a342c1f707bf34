using System.Diagnostics;

namespace Quasar.Runtime.Xrt;

/// <summary>
/// The summed time of each stage of the calls on an XRT device, added from every frame in flight without a lock:
/// word layout on the host, transfers (write + sync each way), kernel runs (start to completion).
/// </summary>
internal sealed class XrtStageClock
{
    private long _layout, _transfers, _kernelRuns;

    public IReadOnlyList<AcceleratorStageTime> Stages =>
    [
        new("word layout", Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _layout))),
        new("transfers", Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _transfers))),
        new("kernel runs", Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _kernelRuns))),
    ];

    /// <summary>Adds the time since <paramref name="start"/> to the layout and returns now, the start of the next stage.</summary>
    public long Layout(long start) => Add(ref _layout, start);

    public long Transfers(long start) => Add(ref _transfers, start);

    public long KernelRuns(long start) => Add(ref _kernelRuns, start);

    private static long Add(ref long total, long start)
    {
        long now = Stopwatch.GetTimestamp();
        Interlocked.Add(ref total, now - start);
        return now;
    }
}
