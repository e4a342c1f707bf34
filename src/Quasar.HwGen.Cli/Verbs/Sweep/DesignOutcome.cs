namespace Quasar.HwGen.Cli.Verbs.Sweep;

/// <summary>
/// Where one design of a sweep stands after its task: done (every step passed the log gate and the report gate, as
/// `quasar synth` and `quasar cosim` gate them), failed, timed out, cancelled, or not run; with why and the log lines
/// that show it.
/// </summary>
internal sealed record DesignOutcome(SweepTask Task, string Status, IReadOnlyList<string> Problems, IReadOnlyList<string> Evidence, string? LogPath)
{
    public const string Done = "done";
    public const string Failed = "failed";
    public const string TimedOut = "timed out";
    public const string Cancelled = "cancelled";
    public const string NotRun = "not run";

    public bool IsDone => Status == Done;

    /// <summary>"failed: csynth: the tool exited with code 1; ... (logs/task-3.log: ERROR: ...)" on one line.</summary>
    public string Describe()
    {
        if (IsDone) return Done;
        var why = Problems.Count > 0 ? ": " + string.Join("; ", Problems) : "";
        var shown = Evidence.Count > 0 ? $" ({LogPath}: {string.Join(" | ", Evidence.Select(e => e.Trim()))})" : LogPath is null ? "" : $" ({LogPath})";
        return Status + why + shown;
    }
}
