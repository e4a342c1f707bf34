using System.Globalization;
using Quasar.HwGen.Cli.Errors;
using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Vitis.Tools;

namespace Quasar.HwGen.Cli.Verbs.Sweep;

/// <summary>One `quasar sweep`: check, generate, submit what is not done, follow, collect, calibrate.</summary>
internal sealed class SweepRun(SweepConfig config, SweepLayout layout, bool force, TimeSpan poll, bool dryRun)
{
    public async Task<int> RunAsync(CancellationToken cancellation)
    {
        var previous = CheckOutput();
        if (config.Slurm is not null) SlurmScheduler.RequireClients(config.Source);
        else MakeScheduler.RequireMake();
        var (tasks, changed) = Assign(previous);
        string schedulerName = config.Slurm is null ? "make" : "slurm";
        var state = new SweepState(SweepState.CurrentVersion, config.Source, schedulerName, config.Steps, tasks, previous?.Submissions ?? []);
        // Recorded first: a generation that fails half-way leaves a sweep directory that a rerun resumes.
        SweepStateFile.Write(layout, state);
        int generated = SweepProjects.Generate(layout, config, tasks, changed, force);
        SweepScripts.Write(layout, config, tasks);

        var pending = SweepCollector.CollectAll(layout, state).Where(o => !o.IsDone).Select(o => o.Task.Index).ToList();
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sweep {config.Source}: {tasks.Count} design(s) in {layout.Root} ({generated} generated now), {tasks.Count - pending.Count} done, {pending.Count} to run with {schedulerName}"));
        if (dryRun)
        {
            Console.WriteLine($"dry run: would submit task(s) {string.Join(",", pending)} with {schedulerName} ({layout.Relative(config.Slurm is null ? layout.Makefile : layout.BatchScript)}); nothing submitted");
            return ExitCodes.Success;
        }
        if (pending.Count > 0) state = await SubmitAndFollowAsync(state, pending, cancellation).ConfigureAwait(false);

        var outcomes = SweepCollector.CollectAll(layout, state);
        Console.Write(SweepSummary.Format(layout, outcomes));
        var done = outcomes.Where(o => o.IsDone).ToList();
        Exception? calibration = null;
        try
        {
            if (done.Count > 0)
            {
                Console.Write(SweepCalibration.Write(layout, done));
                Console.WriteLine($"wrote {layout.Calibration}");
            }
        }
        catch (Exception e) when (CliErrors.ExitCodeOf(e) == ExitCodes.BadInput)
        {
            // The designs' outcome is the bigger news; the calibration's failure is said after it.
            calibration = new InvalidDataException($"calibrating from {done.Count} finished design(s) of {layout.Root}: {e.Message}", e);
        }
        var failed = outcomes.Where(o => !o.IsDone).ToList();
        if (failed.Count == 0) return calibration is null ? ExitCodes.Success : throw calibration;
        if (calibration is not null) Console.Error.WriteLine($"error: {calibration.Message}");
        throw new ToolException(string.Create(CultureInfo.InvariantCulture,
            $"{failed.Count} of {outcomes.Count} design(s) did not pass ({string.Join(", ", failed.Select(f => $"{f.Task.Design.Name} {f.Status}"))}; evidence above and in {layout.Relative(layout.Logs)}/); rerun quasar sweep {config.Source} to resubmit only those"));
    }

    /// <summary>The directory's previous record; a folder of other files is refused, never written into.</summary>
    private SweepState? CheckOutput()
    {
        if (File.Exists(layout.Root)) throw new IOException($"--out {layout.Root} is a file; give a directory (new, or a sweep directory to resume)");
        if (SweepLayout.IsSweepDirectory(layout.Root)) return SweepStateFile.Read(layout);
        if (Directory.Exists(layout.Root) && Directory.EnumerateFileSystemEntries(layout.Root).Any())
            throw new IOException($"{layout.Root} holds other files and no {SweepLayout.StateName}: not a sweep directory; choose a new --out (nothing there is touched)");
        return null;
    }

    /// <summary>Each design keeps the task number it had; a design whose definition changed needs --force.</summary>
    private (IReadOnlyList<SweepTask> Tasks, IReadOnlySet<string> Changed) Assign(SweepState? previous)
    {
        var tasks = new List<SweepTask>();
        var changed = new HashSet<string>(StringComparer.Ordinal);
        int next = previous?.Tasks.Select(t => t.Index + 1).DefaultIfEmpty(0).Max() ?? 0;
        foreach (var design in config.Designs)
        {
            if (previous?.Find(design.Name) is { } known)
            {
                if (known.Design != design)
                {
                    if (!force)
                        throw new InvalidDataException($"{config.Source}: design '{design.Name}' is not the one {layout.Root} was generated with ({Differences(known.Design, design)}); pass --force to regenerate it, or choose another --out");
                    changed.Add(design.Name);
                    tasks.Add(known with { Design = design, State = null, JobId = null });
                    continue;
                }
                tasks.Add(known);
                continue;
            }
            tasks.Add(new SweepTask(next++, design));
        }
        return (tasks, changed);
    }

    private async Task<SweepState> SubmitAndFollowAsync(SweepState state, IReadOnlyList<int> pending, CancellationToken cancellation)
    {
        // A fresh attempt: the old log of a task that runs again would mix two runs.
        foreach (var task in pending) File.Delete(layout.Log(task));
        using ISweepScheduler scheduler = config.Slurm is null
            ? new MakeScheduler(layout, config.Make.Jobs ?? Environment.ProcessorCount)
            : new SlurmScheduler(layout, config.Source);
        var submission = await scheduler.SubmitAsync(pending, cancellation).ConfigureAwait(false);
        state = state with { Submissions = [.. state.Submissions, submission] };
        SweepStateFile.Write(layout, state);
        Console.Error.WriteLine($"submitted {pending.Count} task(s) as {scheduler.Name} {submission.Job}: {submission.Command}");
        var states = await SweepFollower.FollowAsync(scheduler, submission, poll, cancellation).ConfigureAwait(false);
        var job = submission.Job;
        state = state with
        {
            Tasks = [.. state.Tasks.Select(t => states.TryGetValue(t.Index, out var s)
                ? t with { State = s, JobId = scheduler.Name == "slurm" ? string.Create(CultureInfo.InvariantCulture, $"{job}_{t.Index}") : job } : t)],
        };
        SweepStateFile.Write(layout, state);
        return state;
    }

    private static string Differences(SweepDesign before, SweepDesign now)
    {
        var notes = new List<string>();
        if (before.Source != now.Source) notes.Add($"source {before.Source} -> {now.Source}");
        else if (before.SubnetSha256 != now.SubnetSha256)
        {
            // A record written before subnets were hashed cannot tell: the user decides with --force.
            notes.Add(before.SubnetSha256 is null
                ? $"{now.Subnet}: content not recorded when generated, sha256 now {Short(now.SubnetSha256)}"
                : $"{now.Subnet} changed: sha256 {Short(before.SubnetSha256)} -> {Short(now.SubnetSha256)}");
        }
        else if (before.PackageSha256 != now.PackageSha256)
        {
            notes.Add(before.PackageSha256 is null
                ? $"{now.Package}: content not recorded when generated, manifest sha256 now {Short(now.PackageSha256)}"
                : $"{now.Package} changed: manifest sha256 {Short(before.PackageSha256)} -> {Short(now.PackageSha256)}");
        }
        if (before.Engine != now.Engine) notes.Add($"engine {before.Engine} -> {now.Engine}");
        if (before.MaxReduction != now.MaxReduction) notes.Add($"max_reduction {before.MaxReduction?.ToString(CultureInfo.InvariantCulture) ?? "none"} -> {now.MaxReduction?.ToString(CultureInfo.InvariantCulture) ?? "none"}");
        if (before.MaxRows != now.MaxRows) notes.Add($"max_rows {before.MaxRows?.ToString(CultureInfo.InvariantCulture) ?? "none"} -> {now.MaxRows?.ToString(CultureInfo.InvariantCulture) ?? "none"}");
        return string.Join(", ", notes);
    }

    /// <summary>Enough of a hash to tell two files apart in a message.</summary>
    private static string Short(string? sha256) => sha256 is null ? "none" : sha256[..Math.Min(12, sha256.Length)];
}
