namespace Quasar.HwGen.Cli.Verbs.RunReport;

/// <summary>
/// What a main-job run did, as `run.json` in its run directory: the board and engine, every step with its equivalent
/// `quasar` command, every subnet the search evaluated with the Pareto front, the chosen subnets with their results,
/// and the engine's resources against the board. `quasar report &lt;run directory&gt;` rebuilds the page from it alone.
/// </summary>
internal sealed record RunRecord(
    int Version,
    string Board,
    string Part,
    double ClockMhz,
    string Engine,
    IReadOnlyList<RunStep> Steps,
    IReadOnlyList<RunPoint> Evaluated,
    IReadOnlyList<RunPoint> Pareto,
    IReadOnlyList<RunSubnet> Subnets,
    IReadOnlyList<RunResource> Resources)
{
    public const int CurrentVersion = 1;
    public const string FileName = "run.json";
    public const string PageName = "report.html";
}
