using System.Globalization;
using System.Text.RegularExpressions;

namespace Quasar.HwGen.Cli.Verbs.Sweep;

/// <summary>
/// A task's log read back: the lines of each step between the <c>quasar-sweep: step ... started</c> and
/// <c>... exited with code N</c> lines task.sh prints, the Slurm array task it ran as, and its end (make's last line).
/// </summary>
internal sealed partial record TaskLog(string Path, IReadOnlyList<string> Lines, string? ArrayTask, IReadOnlyList<TaskLogStep> Steps, int? EndCode)
{
    public const string EndMarker = "quasar-sweep: task ended with code ";

    public static TaskLog? Read(string path)
    {
        if (!File.Exists(path)) return null;
        var lines = File.ReadAllLines(path);
        string? arrayTask = lines.Select(l => ArrayTaskLine().Match(l)).FirstOrDefault(m => m.Success)?.Groups[1].Value;
        if (arrayTask is "none_none") arrayTask = null;
        var steps = new List<TaskLogStep>();
        string? step = null;
        var body = new List<string>();
        int? end = null;
        foreach (var line in lines)
        {
            if (StepStarted().Match(line) is { Success: true } started)
            {
                step = started.Groups[1].Value;
                body = [];
            }
            else if (StepExited().Match(line) is { Success: true } exited && step is not null)
            {
                steps.Add(new TaskLogStep(step, body, int.Parse(exited.Groups[2].Value, CultureInfo.InvariantCulture)));
                step = null;
            }
            else if (line.StartsWith(EndMarker, StringComparison.Ordinal)
                && int.TryParse(line.AsSpan(EndMarker.Length), NumberStyles.Integer, CultureInfo.InvariantCulture, out var code))
            {
                end = code;
            }
            else if (step is not null)
            {
                body.Add(line);
            }
        }
        if (step is not null) steps.Add(new TaskLogStep(step, body, null));
        return new TaskLog(path, lines, arrayTask, steps, end);
    }

    /// <summary>The lines that say why a task was ended from outside: Slurm's time limit or cancel, timeout's.</summary>
    public IEnumerable<string> KillLines() => Lines.Where(l =>
        l.Contains("DUE TO TIME LIMIT", StringComparison.Ordinal) || l.Contains("CANCELLED AT", StringComparison.Ordinal)
        || l.Contains("DUE TO PREEMPTION", StringComparison.Ordinal) || l.Contains("slurmstepd: error:", StringComparison.Ordinal));

    [GeneratedRegex(@"^quasar-sweep: task \d+ design \S+ on \S+ slurm-array-task (\S+)$")]
    private static partial Regex ArrayTaskLine();

    [GeneratedRegex(@"^quasar-sweep: step (\S+) started")]
    private static partial Regex StepStarted();

    [GeneratedRegex(@"^quasar-sweep: step (\S+) exited with code (\d+)")]
    private static partial Regex StepExited();
}
