using Quasar.HwGen.Hardware.Calibration;
using Quasar.HwGen.Hardware.Kernel;
using Quasar.HwGen.Vitis.Reports;
using ModelUsage = Quasar.HwGen.Hardware.Resources.ResourceUsage;

namespace Quasar.HwGen.Cli.Verbs.Reporting;

/// <summary>
/// The rows of `quasar report`, report by report. csynth's resources are the kernel's alone, so they stand beside the
/// model's kernel estimate; Vivado's are the whole linked design, so beside the model's total with the platform shell.
/// </summary>
internal static class ReportRows
{
    public static readonly string[] ResourceNames = ["LUT", "FF", "DSP", "BRAM_18K", "URAM"];

    public static IEnumerable<ReportRow> Resources(string source, ResourceUsage used, ResourceUsage? available, ModelUsage model)
    {
        // The model counts no URAM: the engine keeps its buffers in BRAM and registers.
        double?[] modelled = [model.Lut, model.Ff, model.Dsp, model.Bram, null];
        int[] reported = [used.Lut, used.Ff, used.Dsp, used.Bram18K, used.Uram];
        int?[] limits = [available?.Lut, available?.Ff, available?.Dsp, available?.Bram18K, available?.Uram];
        for (int i = 0; i < ResourceNames.Length; i++)
            yield return new ReportRow(ResourceNames[i], source, reported[i], modelled[i], limits[i]);
    }

    public static IEnumerable<ReportRow> Synthesis(CsynthReport csynth, double targetNs)
    {
        // csynth's latency is the top's over the loop bounds' range, not of any golden call: the model has no figure for it.
        yield return new ReportRow("latency, worst case (cycles)", ReportRow.Csynth, csynth.WorstCaseLatency, null, null,
            csynth.WorstCaseLatency is null ? "undef" : null);
        yield return new ReportRow("interval, worst case (cycles)", ReportRow.Csynth, csynth.IntervalMax, null, null,
            csynth.IntervalMax is null ? "undef" : null);
        // The model assumes the clock of the engine's manifest is met; the limit is the target csynth was given.
        yield return new ReportRow("clock period (ns)", ReportRow.Csynth, csynth.EstimatedClockPeriodNs, targetNs, csynth.TargetClockPeriodNs,
            csynth.EstimatedClockPeriodNs is null ? "not estimated" : null);
    }

    public static IEnumerable<ReportRow> Simulation(ReportedLatency cosim, IReadOnlyList<KernelCallCycles> model, double? interval)
    {
        if (cosim.MinCycles is double min) yield return new ReportRow("latency/call, min (cycles)", ReportRow.Cosim, min, model.Min(c => c.Total), null);
        yield return new ReportRow("latency/call, avg (cycles)", ReportRow.Cosim, cosim.AverageCycles, model.Average(c => c.Total), null);
        if (cosim.MaxCycles is double max) yield return new ReportRow("latency/call, max (cycles)", ReportRow.Cosim, max, model.Max(c => c.Total), null);
        yield return new ReportRow("interval, avg (cycles)", ReportRow.Cosim, interval, null, null, interval is null ? "NA" : null);
    }

    public static IEnumerable<ReportRow> Implementation(TimingSummary timing, double targetNs)
    {
        // A negative worst setup slack lengthens the period the design closes at; a positive one leaves room.
        double? achieved = timing.Setup.WorstNs is double wns ? targetNs - wns : null;
        yield return new ReportRow("clock period, timed (ns)", ReportRow.Vivado, achieved, targetNs, targetNs, achieved is null ? "no setup paths timed" : null);
    }
}
