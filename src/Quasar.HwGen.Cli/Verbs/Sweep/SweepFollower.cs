using System.Globalization;

namespace Quasar.HwGen.Cli.Verbs.Sweep;

/// <summary>
/// Follows a submission until every task is in a final state, printing the count of tasks in each state whenever it
/// changes (stderr: progress). Cancelled (Ctrl-C), it cancels the submission's jobs before giving up.
/// </summary>
internal static class SweepFollower
{
    public static async Task<IReadOnlyDictionary<int, string>> FollowAsync(ISweepScheduler scheduler, SweepSubmission submission, TimeSpan poll,
        CancellationToken cancellation)
    {
        string? shown = null;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            while (true)
            {
                var states = await scheduler.PollAsync(submission, cancellation).ConfigureAwait(false);
                var counts = string.Join(", ", states.Values.GroupBy(s => s).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {g.Key.ToLowerInvariant()}")));
                if (counts != shown)
                {
                    await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"  [{(int)clock.Elapsed.TotalHours:00}:{clock.Elapsed.Minutes:00}:{clock.Elapsed.Seconds:00}] {scheduler.Name} {submission.Job}: {counts}")).ConfigureAwait(false);
                    shown = counts;
                }
                if (states.Values.All(TaskStates.IsFinal)) return states;
                await Task.Delay(poll, cancellation).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync(await scheduler.CancelAsync(submission).ConfigureAwait(false)).ConfigureAwait(false);
            throw;
        }
    }
}
