using System.Globalization;

namespace Quasar.HwGen.Cli.Verbs.Sweep;

/// <summary>
/// Where a sweep directory keeps things: <c>sweep.json</c> (the designs, their task numbers, every submission),
/// <c>designs/&lt;name&gt;/</c> (the generated projects), <c>jobs/</c> (the scripts the scheduler runs),
/// <c>logs/task-&lt;n&gt;.log</c> (one log per task), <c>packages/&lt;name&gt;.qir</c> (the designs given as subnets, lowered), <c>calibration.yaml</c> and <c>report.html</c>.
/// </summary>
internal sealed record SweepLayout(string Root)
{
    public const string StateName = "sweep.json";

    public string State => Path.Combine(Root, StateName);

    public string Designs => Path.Combine(Root, "designs");

    public string Jobs => Path.Combine(Root, "jobs");

    public string Logs => Path.Combine(Root, "logs");

    public string TaskScript => Path.Combine(Jobs, "task.sh");

    public string BatchScript => Path.Combine(Jobs, "sweep.sbatch");

    public string Makefile => Path.Combine(Jobs, "sweep.mk");

    public string Calibration => Path.Combine(Root, "calibration.yaml");

    public string Page => Path.Combine(Root, "report.html");

    public string Project(string design) => Path.Combine(Designs, design);

    /// <summary>The IR package a design given as a subnet is lowered into.</summary>
    public string Package(string design) => Path.Combine(Root, "packages", design + ".qir");

    public string Log(int task) => Path.Combine(Logs, string.Create(CultureInfo.InvariantCulture, $"task-{task}.log"));

    /// <summary>A path as the output names it: relative to the sweep directory.</summary>
    public string Relative(string path) => Path.GetRelativePath(Root, path);

    public static bool IsSweepDirectory(string path) => File.Exists(Path.Combine(path, StateName));
}
