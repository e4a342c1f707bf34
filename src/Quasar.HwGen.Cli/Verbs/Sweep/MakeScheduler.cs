using System.Globalization;
using Quasar.HwGen.Vitis.Processes;
using Quasar.HwGen.Vitis.Tools;

namespace Quasar.HwGen.Cli.Verbs.Sweep;

/// <summary>
/// make -k -j N over jobs/sweep.mk on this machine, when the sweep names no scheduler: make runs the tasks, coreutils'
/// timeout ends one at the sweep's time limit, and each task's log ends with its exit code, which is its state.
/// </summary>
internal sealed class MakeScheduler(SweepLayout layout, int jobs) : ISweepScheduler
{
    private CancellationTokenSource? _stop;
    private Task<ToolRunResult>? _make;

    public string Name => "make";

    public static void RequireMake()
    {
        if (ToolSearchPath.FromEnvironment().Find("make") is null)
            throw new ToolNotFoundException("make", ToolSearchPath.FromEnvironment().Directories, "install make (Debian: apt-get install make), or add slurm: to the sweep file to run on a cluster");
    }

    public Task<SweepSubmission> SubmitAsync(IReadOnlyList<int> tasks, CancellationToken cancellation)
    {
        string[] arguments = ["-k", "-j", jobs.ToString(CultureInfo.InvariantCulture), "-f", "jobs/sweep.mk", .. tasks.Select(t => $"task-{t}")];
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var make = ToolSearchPath.FromEnvironment().Find("make")!;
        _make = ToolRunner.RunAsync(make, arguments, layout.Root, cancellation: _stop.Token);
        return Task.FromResult(new SweepSubmission("make", tasks, DateTimeOffset.UtcNow, CommandLine.Format("make", arguments)));
    }

    public async Task<IReadOnlyDictionary<int, string>> PollAsync(SweepSubmission submission, CancellationToken cancellation)
    {
        // make that could not start: its error, not tasks that seem never to have run.
        if (_make is { IsFaulted: true }) await _make.ConfigureAwait(false);
        bool finished = _make?.IsCompleted ?? true;
        var states = new Dictionary<int, string>();
        foreach (var task in submission.Tasks)
        {
            var log = TaskLog.Read(layout.Log(task));
            states[task] = log switch
            {
                null => finished ? TaskStates.Failed : TaskStates.Pending,
                { EndCode: 0 } => TaskStates.Completed,
                { EndCode: 124 or 137 } => TaskStates.Timeout,
                { EndCode: not null } => TaskStates.Failed,
                _ => finished ? TaskStates.Failed : TaskStates.Running,
            };
        }
        return states;
    }

    public async Task<string> CancelAsync(SweepSubmission submission)
    {
        if (_stop is null || _make is null) return "make was not running";
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _make.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The kill we asked for.
        }
        return "stopped make and its tasks";
    }

    public void Dispose() => _stop?.Dispose();
}
