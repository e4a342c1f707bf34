using Quasar.HwGen.Vitis.Reports;
using Quasar.HwGen.Vitis.Tools;

namespace Quasar.HwGen.Vitis.Hls;

/// <summary>
/// The second gate after the log's (docs/vitis.md, "Error gating"): a csynth must leave the top function's report and
/// the report must not contradict success (timing, resources: <see cref="CsynthReportChecks"/>); a cosim must leave its
/// report and every RTL that ran must have passed; an export must leave the kernel object. Where each flow writes them: classic <c>prj/solution1/…</c> (the
/// Tcl script's project), unified <c>&lt;work&gt;/hls/…</c>.
/// </summary>
public static class HlsReportGate
{
    /// <summary>The kernel's top function, as every generated project names it.</summary>
    public const string TopFunction = "quasar_gemm";

    /// <summary>The problems with the reports of <paramref name="step"/> (none for csim and export), and the report read.</summary>
    public static (IReadOnlyList<string> Problems, CsynthReport? Csynth, CosimReport? Cosim) Check(string projectRoot, HlsFlow flow,
        VitisHlsOptions options, HlsStep step)
    {
        ArgumentNullException.ThrowIfNull(options);
        var solution = flow == HlsFlow.ClassicTcl ? Path.Combine(projectRoot, "prj", "solution1") : Path.Combine(projectRoot, options.WorkDirectory, "hls");
        switch (step)
        {
            case HlsStep.Csynth:
                var folder = Path.Combine(solution, "syn", "report");
                CsynthReport csynth;
                try
                {
                    csynth = CsynthReportLocator.FindTop(folder, TopFunction);
                }
                catch (Exception e) when (e is IOException or InvalidDataException)
                {
                    return ([$"the csynth report is missing or unreadable: {e.Message}"], null, null);
                }
                return (CsynthReportChecks.Problems(csynth), csynth, null);
            case HlsStep.Cosim:
                var path = Path.Combine(solution, "sim", "report", $"{TopFunction}_cosim.rpt");
                if (!File.Exists(path)) return ([$"the cosim report {path} is missing"], null, null);
                CosimReport cosim;
                try
                {
                    cosim = CosimReportParser.Load(path);
                }
                catch (InvalidDataException e)
                {
                    return ([$"the cosim report is unreadable: {e.Message}"], null, null);
                }
                var failed = cosim.Rows.Where(r => r.Ran && !r.Passed).Select(r => $"{r.Rtl} {r.Status}").ToList();
                return cosim.Passed ? ([], null, cosim)
                    : ([failed.Count > 0 ? $"the cosim report {path} shows {string.Join(", ", failed)}" : $"the cosim report {path} shows no RTL that ran"], null, cosim);
            case HlsStep.Export:
                return (ExportedKernel(projectRoot, flow, options) is null
                    ? [$"the export wrote no {TopFunction}.xo ({(flow == HlsFlow.ClassicTcl ? $"expected {Path.Combine(projectRoot, TopFunction + ".xo")}" : $"none under {Path.Combine(projectRoot, options.WorkDirectory)}")})"]
                    : [], null, null);
            default:
                return ([], null, null);
        }
    }

    /// <summary>
    /// The kernel object an export left: classic <c>&lt;project&gt;/quasar_gemm.xo</c> (the Tcl script's
    /// <c>export_design -output</c>), unified the first <c>quasar_gemm.xo</c> under the work directory; null when none.
    /// </summary>
    public static string? ExportedKernel(string projectRoot, HlsFlow flow, VitisHlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (flow == HlsFlow.ClassicTcl)
        {
            var path = Path.Combine(projectRoot, TopFunction + ".xo");
            return File.Exists(path) ? path : null;
        }
        var work = Path.Combine(projectRoot, options.WorkDirectory);
        return Directory.Exists(work) ? Directory.EnumerateFiles(work, TopFunction + ".xo", SearchOption.AllDirectories).Order(StringComparer.Ordinal).FirstOrDefault() : null;
    }
}
