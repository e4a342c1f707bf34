using System.Globalization;
using Quasar.HwGen.Vitis.Reports;

namespace Quasar.HwGen.Vitis.Vpp;

/// <summary>
/// The gate after a clean v++ -l log: what Vivado's implementation measured must not contradict success. Timing must
/// be met (an xclbin whose routed design misses the clock runs slower than the model says, or wrongly), and the design
/// must fit the part. Reads the reports <see cref="ImplementationReports"/> finds under the project's v++ temp
/// directory; an hw_emu link runs no implementation and leaves none, which is not a failure.
/// </summary>
public static class LinkReportGate
{
    /// <param name="notBefore">When the link started: reports older than that are an earlier run's and are not read.</param>
    public static LinkReports Check(string projectRoot, DateTime notBefore)
    {
        var files = ImplementationReports.Find(projectRoot, notBefore);
        var problems = new List<string>();
        UtilizationReport? utilization = null;
        TimingSummary? timing = null;
        try
        {
            utilization = files.Utilization is { } u ? UtilizationReportParser.Load(u) : null;
            timing = files.TimingSummary is { } t ? TimingSummaryParser.Load(t) : null;
        }
        catch (InvalidDataException e)
        {
            problems.Add($"an implementation report is unreadable: {e.Message}");
        }
        if (timing is { Met: false, Unconstrained: true })
        {
            problems.Add($"the routed design has no timing constraints, so its clock was never checked: {timing.Verdict.Trim()} in {files.TimingSummary}; "
                + "the platform's clock constraints did not reach Vivado (check --platform and the link config)");
        }
        else if (timing is { Met: false })
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"timing is not met after routing: {timing.Verdict.Trim()} (setup WNS {Ns(timing.Setup.WorstNs)}, {timing.Setup.FailingEndpoints ?? 0} failing endpoints; hold WHS {Ns(timing.Hold.WorstNs)}) in {files.TimingSummary}"));
        }
        if (utilization is not null)
        {
            foreach (var (name, used, available) in Pairs(utilization))
            {
                if (available > 0 && used > available)
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"the implemented design uses {used:N0} {name} of the part's {available:N0} ({files.Utilization})"));
            }
        }
        return new LinkReports(files, utilization, timing, problems);
    }

    /// <summary>(name, used, available) per resource of a utilization report.</summary>
    public static IEnumerable<(string Name, int Used, int Available)> Pairs(UtilizationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        yield return ("LUT", report.Used.Lut, report.Available.Lut);
        yield return ("FF", report.Used.Ff, report.Available.Ff);
        yield return ("DSP", report.Used.Dsp, report.Available.Dsp);
        yield return ("BRAM_18K", report.Used.Bram18K, report.Available.Bram18K);
        yield return ("URAM", report.Used.Uram, report.Available.Uram);
    }

    /// <summary>A slack as "+0.412 ns", or "n/a" where the report says NA.</summary>
    public static string Ns(double? value) => value is double ns ? ns.ToString("+0.000;-0.000", CultureInfo.InvariantCulture) + " ns" : "n/a";
}
