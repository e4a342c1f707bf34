using System.Diagnostics;

namespace Quasar.HwGen.Bench;

/// <summary>A small Stopwatch harness: warm up, then the median of several samples, each long enough to time.</summary>
public static class Timing
{
    /// <summary>Median seconds per call of <paramref name="action"/>.</summary>
    public static double MedianSeconds(Action action, int samples = 11, double warmupSeconds = 0.3, double sampleSeconds = 0.05)
    {
        var warmup = Stopwatch.StartNew();
        int calls = 0;
        do
        {
            action();
            calls++;
        }
        while (warmup.Elapsed.TotalSeconds < warmupSeconds || calls < 2);
        double perCall = warmup.Elapsed.TotalSeconds / calls;
        int repetitions = Math.Max(1, (int)(sampleSeconds / perCall));

        var times = new double[samples];
        for (int s = 0; s < samples; s++)
        {
            var watch = Stopwatch.StartNew();
            for (int r = 0; r < repetitions; r++) action();
            times[s] = watch.Elapsed.TotalSeconds / repetitions;
        }
        Array.Sort(times);
        return times[samples / 2];
    }
}
