using System.Globalization;
using Quasar.HwGen.Codegen.Golden;
using Quasar.HwGen.Codegen.Model;
using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Core.Execution.Kernel;
using Quasar.HwGen.Hardware.Calibration;
using Quasar.HwGen.Hardware.Kernel;
using Quasar.HwGen.Hardware.Latency;
using Quasar.HwGen.Hardware.Resources;
using Quasar.HwGen.Vitis.Reports;

namespace Quasar.HwGen.Cli.Verbs.Reporting;

/// <summary>
/// What `quasar report` shows for one project: where each figure came from, the rows of tool against model, the
/// model's cycles per golden call shape, and what binds the design.
/// </summary>
/// <param name="Sources">One line per report read (or missing), saying which tool produced it and how.</param>
/// <param name="Binding">Which resource is closest to the part's limit, and what the model says bounds the latency.</param>
internal sealed record DesignReport(string Title, string Engine, string Model, IReadOnlyList<string> Sources, IReadOnlyList<ReportRow> Rows,
    IReadOnlyList<CallShape> Shapes, IReadOnlyList<string> Binding)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static DesignReport Build(ProjectReports reports, ImplementedDesign implemented, CalibrationFile? calibration, string? calibrationPath)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(implemented);
        var manifest = reports.Manifest;
        var engine = manifest.Engine.ToConfig();
        var estimate = ResourceModel.Estimate(engine, CalibrationOption.Resources(calibration));
        double efficiency = CalibrationOption.Latency(calibration, LatencyParameters.Default).ArrayEfficiency;
        double targetNs = 1000 / engine.ClockMhz;
        var calls = reports.Cosim?.Calls ?? GoldenCalls(reports);
        var cycles = calls.Select(c => KernelCycles.ForCall(engine, c, efficiency)).ToList();

        var rows = new List<ReportRow>();
        var sources = new List<string>();
        if (reports.Csynth is { } csynth)
        {
            rows.AddRange(ReportRows.Resources(ReportRow.Csynth, csynth.Resources, csynth.Available, estimate.Kernel));
            rows.AddRange(ReportRows.Synthesis(csynth, targetNs));
            sources.Add($"csynth: {reports.CsynthPath} (Vitis HLS {csynth.ToolVersion ?? "?"} estimates; the kernel alone, without the platform shell)");
        }
        else
        {
            sources.Add("csynth: none (run quasar synth)");
        }
        if (reports.Cosim is { } cosim)
        {
            rows.AddRange(ReportRows.Simulation(cosim, cycles, CosimInterval(reports.CosimPath!)));
            sources.Add(string.Create(Invariant, $"cosim: {reports.CosimPath} (measured in RTL simulation over the {cosim.Calls.Count} golden calls; min/avg/max over all calls, not per shape)"));
        }
        else
        {
            sources.Add("cosim: none (run quasar cosim)");
        }
        if (implemented.Utilization is { } utilization)
        {
            rows.AddRange(ReportRows.Resources(ReportRow.Vivado, utilization.Used, utilization.Available, estimate.Total));
            sources.Add($"utilization: {implemented.UtilizationPath} (Vivado implemented; the whole design with the platform shell)");
        }
        if (implemented.Timing is { } timing)
        {
            rows.AddRange(ReportRows.Implementation(timing, targetNs));
            sources.Add($"timing: {implemented.TimingPath} (Vivado implemented: {timing.Verdict})");
        }
        if (implemented.Utilization is null && implemented.Timing is null) sources.Add("implementation: none (run quasar link)");

        string model = calibration is null
            ? "model: the hardware model with its default constants (docs/hardware-model.md)"
            : $"model: the hardware model calibrated by {calibrationPath} (docs/calibration.md)";
        string title = $"{reports.Name}: {Vitis.Hls.HlsReportGate.TopFunction} on {manifest.Platform.Part}";
        return new DesignReport(title, $"engine: {engine.Describe()}", model, sources, rows,
            CallShape.Of(engine, calls, efficiency), [ResourceBinding(rows), LatencyBinding(cycles)]);
    }

    /// <summary>The golden calls cosim would run, when the project holds them for its own engine; none otherwise.</summary>
    private static IReadOnlyList<KernelWordCall> GoldenCalls(ProjectReports reports)
    {
        var golden = Path.Combine(reports.Root, TemplateModel.GoldenPath.Replace('/', Path.DirectorySeparatorChar));
        if (!File.Exists(golden)) return [];
        var scalars = GoldenCallScalars.Read(golden);
        var e = reports.Manifest.Engine;
        return scalars.Geometry == new KernelGeometry(e.TileTokens, e.TileRows, e.TileReduction) ? scalars.Calls : [];
    }

    /// <summary>Cosim's average interval: the passing row of the cosim report, or lat.rpt's throughput (0 when none was measured).</summary>
    private static double? CosimInterval(string path)
    {
        if (Path.GetFileName(path) == "lat.rpt")
            return LatencyReportParser.Load(path).AverageThroughput is long t and > 0 ? t : null;
        return CosimReportParser.Load(path).Rows.FirstOrDefault(r => r.Ran)?.IntervalAverage;
    }

    private static string ResourceBinding(IReadOnlyList<ReportRow> rows)
    {
        // Vivado's figures, when there are any, are the design as built; csynth's are an estimate of the kernel.
        var source = rows.Any(r => r.Source == ReportRow.Vivado && r.Share is not null) ? ReportRow.Vivado : ReportRow.Csynth;
        var tightest = rows.Where(r => r.Source == source && ReportRows.ResourceNames.Contains(r.Figure) && r.Share is not null)
            .MaxBy(r => r.Share!.Value);
        if (tightest is null) return "resources: no report gives the part's limits, so nothing is known to bind";
        string model = tightest.ModelShare is double m ? string.Create(Invariant, $"; the model puts it at {m:0.0%}") : "; the model does not count it";
        return string.Create(Invariant,
            $"resources: {tightest.Figure} is closest to the part's limit: {tightest.Reported:N0} of {tightest.Limit:N0} ({tightest.Share:0.0%}, {tightest.Source}){model}");
    }

    private static string LatencyBinding(IReadOnlyList<KernelCallCycles> cycles)
    {
        if (cycles.Count == 0) return "latency: the project holds no golden calls for its engine, so the model's bottleneck is not known";
        double total = cycles.Sum(c => c.Total);
        var shares = Enum.GetValues<KernelProcess>().ToDictionary(p => p, p => cycles.Where(c => c.Binding == p).Sum(c => c.Total) / total);
        var named = shares.Where(s => s.Value > 0).OrderByDescending(s => s.Value)
            .Select(s => string.Create(Invariant, $"{Role(s.Key)} ({KernelBottlenecks.Name(s.Key)}) {s.Value:0%}"));
        return $"latency (model, share of the golden calls' cycles by the process that binds each call): {string.Join(", ", named)}";
    }

    /// <summary>What a binding process means for the engine: the array, its weight loading, or its I/O.</summary>
    public static string Role(KernelProcess process) => process switch
    {
        KernelProcess.Compute => "the array",
        KernelProcess.ReadW => "weight loading",
        KernelProcess.ReadA => "input I/O",
        KernelProcess.Output => "the output stage",
        KernelProcess.Write => "output I/O",
        _ => throw new ArgumentOutOfRangeException(nameof(process), process, null),
    };
}
