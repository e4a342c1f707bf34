using System.Globalization;
using Quasar.HwGen.Vitis.Processes;
using Quasar.HwGen.Vitis.Tools;

namespace Quasar.HwGen.Cli.Verbs.Sweep;

/// <summary>
/// A Slurm job array: <c>sbatch --array=&lt;tasks&gt;</c> of jobs/sweep.sbatch (its #SBATCH lines carry the sweep's
/// resources and time limit), states from <c>squeue -r -t all</c> and, once a task has left it, <c>sacct</c>; cancelling is
/// <c>scancel &lt;job&gt;</c>. Slurm's client commands must be on PATH.
/// </summary>
internal sealed class SlurmScheduler(SweepLayout layout, string sweepFile) : ISweepScheduler
{
    private readonly HashSet<int> _seen = [];

    public string Name => "slurm";

    /// <summary>Fails before anything is generated when a client command is missing.</summary>
    public static void RequireClients(string sweepFile)
    {
        foreach (var tool in new[] { "sbatch", "squeue", "scancel" })
        {
            if (Find(tool) is null)
                throw new ToolException($"{tool} is not on PATH, and {sweepFile} asks for Slurm (slurm:): install Slurm's client commands (Debian: apt-get install slurm-client) or load your cluster's Slurm module, or remove slurm: to run the tasks with make -j on this machine");
        }
    }

    public async Task<SweepSubmission> SubmitAsync(IReadOnlyList<int> tasks, CancellationToken cancellation)
    {
        string[] arguments =
        [
            "--parsable", "--array=" + string.Join(',', tasks.Select(t => t.ToString(CultureInfo.InvariantCulture))),
            "--output=" + Path.Combine(layout.Logs, "task-%a.log"), "--chdir=" + layout.Root, layout.BatchScript,
        ];
        var run = await ToolRunner.RunAsync(Find("sbatch")!, arguments, layout.Root, cancellation: cancellation).ConfigureAwait(false);
        var job = run.Lines.LastOrDefault(l => l.Length > 0)?.Split(';')[0].Trim();
        if (run.ExitCode != 0 || job is null || !long.TryParse(job, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            throw new ToolException($"sbatch refused the sweep's job array ({sweepFile}: check slurm: partition, account, time_limit and extra against your cluster)", run.Command, run.ExitCode, run.Tail(5));
        return new SweepSubmission(job, tasks, DateTimeOffset.UtcNow, run.Command);
    }

    public async Task<IReadOnlyDictionary<int, string>> PollAsync(SweepSubmission submission, CancellationToken cancellation)
    {
        var states = await QueryAsync("squeue", ["-h", "-r", "-t", "all", "-j", submission.Job, "-o", "%i|%T"], submission.Job, cancellation).ConfigureAwait(false);
        if (submission.Tasks.Any(t => !states.ContainsKey(t)) && Find("sacct") is not null)
        {
            var accounted = await QueryAsync("sacct", ["-n", "-X", "-P", "-j", submission.Job, "-o", "JobID,State"], submission.Job, cancellation).ConfigureAwait(false);
            foreach (var (task, state) in accounted) states.TryAdd(task, state);
        }
        var result = new Dictionary<int, string>();
        foreach (var task in submission.Tasks)
        {
            if (states.TryGetValue(task, out var state))
            {
                _seen.Add(task);
                result[task] = state;
            }
            else
            {
                result[task] = _seen.Contains(task) ? TaskStates.Gone : TaskStates.Pending;
            }
        }
        return result;
    }

    public async Task<string> CancelAsync(SweepSubmission submission)
    {
        var run = await ToolRunner.RunAsync(Find("scancel")!, [submission.Job], layout.Root).ConfigureAwait(false);
        return run.ExitCode == 0 ? $"cancelled Slurm job {submission.Job} (scancel {submission.Job})"
            : $"scancel {submission.Job} exited with code {run.ExitCode}: {string.Join(" ", run.Tail(2))}";
    }

    /// <summary>Lines "job_task|STATE" (squeue) or "job_task|STATE by uid" (sacct) as task → state; a pending range "job_[1-3]" is skipped.</summary>
    private async Task<Dictionary<int, string>> QueryAsync(string tool, string[] arguments, string job, CancellationToken cancellation)
    {
        var run = await ToolRunner.RunAsync(Find(tool)!, arguments, layout.Root, cancellation: cancellation).ConfigureAwait(false);
        var states = new Dictionary<int, string>();
        if (run.ExitCode != 0) return states;
        foreach (var line in run.Lines)
        {
            var fields = line.Split('|');
            if (fields.Length < 2 || !fields[0].StartsWith(job + "_", StringComparison.Ordinal)) continue;
            if (int.TryParse(fields[0].AsSpan(job.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var task))
                states[task] = fields[1].Split(' ')[0].Trim();
        }
        return states;
    }

    public void Dispose()
    {
        // Nothing held: Slurm keeps the jobs.
    }

    private static string? Find(string tool) => ToolSearchPath.FromEnvironment().Find(tool);
}
