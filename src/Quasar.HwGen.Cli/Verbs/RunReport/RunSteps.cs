namespace Quasar.HwGen.Cli.Verbs.RunReport;

/// <summary>The steps of a run as they happen: each timed, with its equivalent command, what it wrote and its result.</summary>
internal sealed class RunSteps
{
    private readonly List<RunStep> _steps = [];
    private readonly string _runDirectory;

    public RunSteps(string runDirectory) => _runDirectory = runDirectory;

    public IReadOnlyList<RunStep> All => _steps;

    /// <summary>Runs <paramref name="step"/>; the paths it wrote are recorded relative to the run directory.</summary>
    public T Run<T>(string name, string command, Func<(T Value, IEnumerable<string> Wrote, string Result)> step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var started = DateTimeOffset.UtcNow;
        var (value, wrote, result) = step();
        _steps.Add(new RunStep(name, command, started, DateTimeOffset.UtcNow, [.. wrote.Select(w => Path.GetRelativePath(_runDirectory, w))], result));
        return value;
    }
}
