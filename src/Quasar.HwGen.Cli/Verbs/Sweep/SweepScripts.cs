using System.Globalization;
using System.Text;
using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Core.IO;

namespace Quasar.HwGen.Cli.Verbs.Sweep;

/// <summary>
/// The scripts a scheduler runs, written into the sweep's jobs/ folder: task.sh runs one design's steps (the targets of
/// its generated Makefile, framed by the lines <see cref="TaskLog"/> reads back), sweep.sbatch is the Slurm array job
/// around it, sweep.mk the same tasks for make -j. They can be read, and run by hand, without quasar.
/// </summary>
internal static class SweepScripts
{
    public static void Write(SweepLayout layout, SweepConfig config, IReadOnlyList<SweepTask> tasks)
    {
        Directory.CreateDirectory(layout.Logs);
        AtomicFile.WriteAllText(layout.TaskScript, TaskScript(config, tasks));
        AtomicFile.WriteAllText(layout.BatchScript, BatchScript(config));
        AtomicFile.WriteAllText(layout.Makefile, Makefile(config, tasks));
    }

    private static string TaskScript(SweepConfig config, IReadOnlyList<SweepTask> tasks)
    {
        int count = tasks.Max(t => t.Index) + 1;
        var names = Enumerable.Repeat("-", count).ToArray();
        foreach (var task in tasks) names[task.Index] = task.Design.Name;
        var text = new StringBuilder();
        text.Append("#!/usr/bin/env bash\n");
        text.Append(CultureInfo.InvariantCulture, $"# Written by quasar sweep from {config.Source}. Task <n> runs the Vitis HLS steps of design <n> (the targets\n");
        text.Append("# of its generated Makefile); the quasar-sweep: lines frame each step so quasar can gate it on its log.\n");
        text.Append("set -u\n");
        text.Append("designs=(").AppendJoin(' ', names).Append(")\n");
        text.Append("steps=(").AppendJoin(' ', config.Steps).Append(")\n");
        text.Append("""
            task="$1"
            design="${designs[$task]}"
            echo "quasar-sweep: task $task design $design on $(hostname) slurm-array-task ${SLURM_ARRAY_JOB_ID:-none}_${SLURM_ARRAY_TASK_ID:-none}"
            cd "$(dirname "$0")/../designs/$design" || exit 3
            for step in "${steps[@]}"; do
              echo "quasar-sweep: step $step started $(date -u +%FT%TZ)"
              make "$step"
              code=$?
              echo "quasar-sweep: step $step exited with code $code $(date -u +%FT%TZ)"
              [ "$code" -eq 0 ] || exit "$code"
            done

            """);
        return text.ToString();
    }

    private static string BatchScript(SweepConfig config)
    {
        var text = new StringBuilder();
        text.Append("#!/usr/bin/env bash\n");
        text.Append(CultureInfo.InvariantCulture, $"# Written by quasar sweep from {config.Source}: one array task per design; quasar submits it with\n");
        text.Append("# --array=<tasks> --output=logs/task-%a.log --chdir=<sweep directory>.\n");
        text.Append("#SBATCH --job-name=quasar-sweep\n");
        if (config.Slurm is { } slurm)
        {
            foreach (var option in SlurmOptions(slurm)) text.Append("#SBATCH ").Append(option).Append('\n');
        }
        text.Append("exec bash jobs/task.sh \"$SLURM_ARRAY_TASK_ID\"\n");
        return text.ToString();
    }

    /// <summary>The sbatch options the sweep file asks for, as the batch script's #SBATCH lines give them.</summary>
    public static IEnumerable<string> SlurmOptions(SlurmSettings slurm)
    {
        ArgumentNullException.ThrowIfNull(slurm);
        var t = slurm.TimeLimit;
        yield return string.Create(CultureInfo.InvariantCulture, $"--time={t.Days}-{t.Hours:00}:{t.Minutes:00}:{t.Seconds:00}");
        if (slurm.Partition is { } partition) yield return $"--partition={partition}";
        if (slurm.CpusPerTask is int cpus) yield return string.Create(CultureInfo.InvariantCulture, $"--cpus-per-task={cpus}");
        if (slurm.Memory is { } memory) yield return $"--mem={memory}";
        if (slurm.Account is { } account) yield return $"--account={account}";
        foreach (var extra in slurm.Extra) yield return extra;
    }

    private static string Makefile(SweepConfig config, IReadOnlyList<SweepTask> tasks)
    {
        var limit = config.Make.TimeLimit;
        string run = limit is TimeSpan l
            ? string.Create(CultureInfo.InvariantCulture, $"timeout --kill-after=10s {(long)Math.Ceiling(l.TotalSeconds)}s bash jobs/task.sh")
            : "bash jobs/task.sh";
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Written by quasar sweep from {config.Source}: the tasks of the Slurm array, for make -j -k on one machine\n");
        text.Append("# (run from the sweep directory: make -k -j N -f jobs/sweep.mk task-0 task-1 ...). Each task's output is logs/task-<n>.log;\n");
        text.Append("# its last line is the task's exit code (124 or 137: timeout ended it at the sweep's time limit).\n");
        text.Append(".PHONY:");
        foreach (var task in tasks) text.Append(CultureInfo.InvariantCulture, $" task-{task.Index}");
        text.Append("\n\n");
        foreach (var task in tasks)
        {
            var i = task.Index.ToString(CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"task-{i}:\n");
            text.Append(CultureInfo.InvariantCulture,
                $"\t@{run} {i} > logs/task-{i}.log 2>&1; code=$$?; echo \"{TaskLog.EndMarker}$$code\" >> logs/task-{i}.log; exit $$code\n\n");
        }
        return text.ToString();
    }
}
