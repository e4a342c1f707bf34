namespace Quasar.HwGen.Cli.Verbs.Sweep;

/// <summary>
/// What a sweep directory records in sweep.json: the sweep file, its steps, each design with its task number (stable
/// across reruns: a log is always the same design's), and every submission to the scheduler.
/// </summary>
internal sealed record SweepState(int Version, string SweepFile, string Scheduler, IReadOnlyList<string> Steps,
    IReadOnlyList<SweepTask> Tasks, IReadOnlyList<SweepSubmission> Submissions)
{
    public const int CurrentVersion = 1;

    public SweepTask? Find(string design) => Tasks.FirstOrDefault(t => t.Design.Name == design);
}
