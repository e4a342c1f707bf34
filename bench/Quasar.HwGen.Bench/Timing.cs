using System.Diagnostics;

namespace Quasar.HwGen.Bench;

/// <summary>
/// A small Stopwatch harness: warm every contender up, then take samples round-robin (one sample of each per
/// round, so a load spike from elsewhere on the machine hits all of them alike) and report the median and the
/// best sample of each. Before each sample the harness pauses, untimed, so that the previous contender's idle
/// worker threads (libgomp and the .NET thread pool both spin for a while after a parallel region) have gone to
/// sleep.
/// </summary>
public static class Timing
{
    private const int SettleMilliseconds = 10;

    /// <summary>Seconds per call of each action, in the order given.</summary>
    public static Sample[] Measure(IReadOnlyList<Action> actions, int samples = 31, double warmupSeconds = 0.2, double sampleSeconds = 0.01)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var repetitions = new int[actions.Count];
        for (int a = 0; a < actions.Count; a++)
        {
            var warmup = Stopwatch.StartNew();
            int calls = 0;
            do
            {
                actions[a]();
                calls++;
            }
            while (warmup.Elapsed.TotalSeconds < warmupSeconds || calls < 2);
            repetitions[a] = Math.Max(1, (int)(sampleSeconds / (warmup.Elapsed.TotalSeconds / calls)));
        }

        var times = new double[actions.Count][];
        for (int a = 0; a < actions.Count; a++) times[a] = new double[samples];
        for (int s = 0; s < samples; s++)
        {
            for (int a = 0; a < actions.Count; a++)
            {
                Thread.Sleep(SettleMilliseconds);
                var watch = Stopwatch.StartNew();
                for (int r = 0; r < repetitions[a]; r++) actions[a]();
                times[a][s] = watch.Elapsed.TotalSeconds / repetitions[a];
            }
        }
        return times.Select(t =>
        {
            Array.Sort(t);
            return new Sample(t[t.Length / 2], t[0]);
        }).ToArray();
    }
}
