using Quasar.HwGen.Vitis.Hls;
using Quasar.HwGen.Vitis.Tools;

namespace Quasar.HwGen.Cli.Verbs.Sweep;

/// <summary>
/// Decides each design from what its task left, with the gates of the single-project steps: each step's lines in the
/// task log through <see cref="HlsLogGate"/> (with the step's exit code), then the project's reports through
/// <see cref="HlsReportGate"/>. A design is done only when both pass; nothing is taken from an exit code alone.
/// </summary>
internal static class SweepCollector
{
    private const int EvidenceLines = 3;

    public static DesignOutcome Collect(SweepLayout layout, SweepTask task, IReadOnlyList<string> steps)
    {
        var project = layout.Project(task.Design.Name);
        var log = TaskLog.Read(layout.Log(task.Index));
        var logPath = log is null ? null : layout.Relative(log.Path);
        var problems = new List<string>();
        var evidence = new List<string>();
        if (log is not null) GateLog(log, steps, problems, evidence);
        if (problems.Count == 0)
        {
            var flow = Directory.Exists(Path.Combine(project, "prj", "solution1")) ? HlsFlow.ClassicTcl : HlsFlow.Unified;
            foreach (var step in steps)
                problems.AddRange(HlsReportGate.Check(project, flow, VitisHlsOptions.Default, Step(step)).Problems.Select(p => $"{step}: {p}"));
        }
        if (problems.Count == 0) return new DesignOutcome(task, DesignOutcome.Done, [], [], logPath);
        if (log is null) return new DesignOutcome(task, DesignOutcome.NotRun, ["no task has run it yet"], [], null);
        return new DesignOutcome(task, Status(task, log), problems, [.. evidence.Distinct(StringComparer.Ordinal)], logPath);
    }

    public static IReadOnlyList<DesignOutcome> CollectAll(SweepLayout layout, SweepState state) =>
        [.. state.Tasks.Select(t => Collect(layout, t, state.Steps))];

    private static void GateLog(TaskLog log, IReadOnlyList<string> steps, List<string> problems, List<string> evidence)
    {
        foreach (var step in steps)
        {
            var ran = log.Steps.LastOrDefault(s => s.Step == step);
            if (ran is null)
            {
                problems.Add($"{step} never started (the task ended before it)");
                break;
            }
            if (ran.ExitCode is not int code)
            {
                problems.Add($"{step} never finished: the task was ended while it ran");
                evidence.AddRange(ran.Lines.TakeLast(EvidenceLines));
                break;
            }
            var verdict = HlsLogGate.Evaluate(Step(step), ran.Lines, code);
            if (verdict.Passed) continue;
            problems.Add($"{step}: {string.Join("; ", verdict.Problems)}");
            evidence.AddRange(verdict.EvidenceLines.Take(EvidenceLines));
            break;
        }
        evidence.AddRange(log.KillLines());
    }

    private static string Status(SweepTask task, TaskLog log)
    {
        if (task.State is "TIMEOUT" || log.EndCode is 124 or 137 || log.KillLines().Any(l => l.Contains("TIME LIMIT", StringComparison.Ordinal)))
            return DesignOutcome.TimedOut;
        if (task.State?.StartsWith("CANCELLED", StringComparison.Ordinal) == true) return DesignOutcome.Cancelled;
        return DesignOutcome.Failed;
    }

    public static HlsStep Step(string step) => step switch
    {
        "csynth" => HlsStep.Csynth,
        "cosim" => HlsStep.Cosim,
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "a sweep runs csynth and cosim"),
    };
}
