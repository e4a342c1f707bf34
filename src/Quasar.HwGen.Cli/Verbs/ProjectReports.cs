using Quasar.HwGen.Codegen.Project;
using Quasar.HwGen.Hardware.Calibration;
using Quasar.HwGen.Vitis.Reports;

namespace Quasar.HwGen.Cli.Verbs;

/// <summary>
/// The reports of one generated project that `quasar calibrate` uses: its manifest (the engine the reports are of),
/// the top function's csynth report and cosim's latency per call, each with the file it came from (null when absent).
/// </summary>
internal sealed record ProjectReports(string Root, ProjectManifest Manifest, CsynthReport? Csynth, string? CsynthPath, ReportedLatency? Cosim, string? CosimPath)
{
    /// <summary>How residuals name the design: the project folder, relative to the working directory when inside it.</summary>
    public string Name
    {
        get
        {
            var relative = Path.GetRelativePath(Environment.CurrentDirectory, Root);
            return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? Root : relative;
        }
    }

    public ReportObservation Observation() => new(Name, Manifest.Engine.ToConfig(),
        Csynth is { Resources: var r } ? new Hardware.Resources.ResourceUsage(r.Lut, r.Ff, r.Dsp, r.Bram18K) : null, Cosim);
}
