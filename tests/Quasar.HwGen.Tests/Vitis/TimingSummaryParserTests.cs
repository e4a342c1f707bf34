using Quasar.HwGen.Vitis.Reports;

namespace Quasar.HwGen.Tests.Vitis;

/// <summary>Vivado's report_timing_summary, hand-built in the real layout (tests/fixtures/vitis-reports/hand-built).</summary>
[TestFixture]
public sealed class TimingSummaryParserTests
{
    private const string MetReport = "vivado-2023.2-zynquplus/impl_1_xilinx_zcu102_base_wrapper_timing_summary_routed.rpt";
    private const string FailedReport = "vivado-2021.2-zynquplus/impl_1_xilinx_zcu102_base_wrapper_timing_summary_routed.rpt";

    private static string Fixture(string path) => Path.Combine(TestPaths.VitisReports, "hand-built", path);

    private static string[] Lines(string path) => File.ReadAllLines(Fixture(path));

    [Test]
    public void A_met_timing_summary_gives_every_slack_and_met()
    {
        var summary = TimingSummaryParser.Load(Fixture(MetReport));

        Assert.That(summary.Device, Is.EqualTo("xczu9eg-ffvb1156"));
        Assert.That(summary.Setup, Is.EqualTo(new SlackSummary(0.412, 0.0, 0, 203118)));
        Assert.That(summary.Hold, Is.EqualTo(new SlackSummary(0.011, 0.0, 0, 203118)));
        Assert.That(summary.PulseWidth, Is.EqualTo(new SlackSummary(0.498, 0.0, 0, 91507)));
        Assert.That((summary.Met, summary.Verdict, summary.WorstSlackNs), Is.EqualTo((true, "All user specified timing constraints are met.", (double?)0.011)));
    }

    [Test]
    public void A_failed_timing_summary_is_not_met_and_its_worst_slack_is_negative()
    {
        var summary = TimingSummaryParser.Load(Fixture(FailedReport));

        Assert.That(summary.Setup, Is.EqualTo(new SlackSummary(-0.734, -112.508, 391, 198240)));
        Assert.That(summary.Hold, Is.EqualTo(new SlackSummary(-0.021, -0.040, 2, 198240)));
        Assert.That((summary.Met, summary.Verdict, summary.WorstSlackNs), Is.EqualTo((false, "Timing constraints are not met.", (double?)-0.734)));
    }

    [Test]
    public void An_unconstrained_design_s_NA_figures_are_null_and_it_is_not_met()
    {
        var lines = Lines(MetReport).Select(l => l.TrimStart().StartsWith("0.412", StringComparison.Ordinal)
                ? "        NA           NA                     NA                   NA           NA           NA                     NA                   NA          inf        0.000                       0                    12  "
                : l.Replace("All user specified timing constraints are met.", "There are no user specified timing constraints.", StringComparison.Ordinal))
            .ToArray();

        var summary = TimingSummaryParser.Parse(lines, "unconstrained.rpt");

        Assert.That((summary.Setup, summary.Hold), Is.EqualTo((new SlackSummary(null, null, null, null), new SlackSummary(null, null, null, null))));
        Assert.That(summary.PulseWidth, Is.EqualTo(new SlackSummary(null, 0.0, 0, 12)));
        Assert.That((summary.Met, summary.WorstSlackNs), Is.EqualTo((false, (double?)null)));
        Assert.That(summary.Unconstrained, Is.True);
        Assert.That(TimingSummaryParser.Parse(Lines(MetReport), "met.rpt").Unconstrained, Is.False);
    }

    [Test]
    public void A_utilization_report_is_not_a_timing_summary()
    {
        var path = Fixture("vivado-2023.2-zynquplus/impl_1_full_util_routed.rpt");

        var error = Assert.Throws<InvalidDataException>(() => TimingSummaryParser.Load(path))!;

        Assert.That(error.Message, Is.EqualTo($"{path}: no \"Design Timing Summary\" table: not a Vivado timing summary report"));
    }

    [Test]
    public void A_summary_cut_below_its_header_is_an_error()
    {
        var all = Lines(MetReport);
        var lines = all[..(Array.FindIndex(all, l => l.TrimStart().StartsWith("WNS(ns)", StringComparison.Ordinal)) + 2)];

        var error = Assert.Throws<InvalidDataException>(() => TimingSummaryParser.Parse(lines, "cut.rpt"))!;

        Assert.That(error.Message, Is.EqualTo("cut.rpt: the Design Timing Summary has no row of twelve figures under WNS(ns) ... TPWS Total Endpoints (truncated?)"));
    }

    [Test]
    public void A_summary_cut_before_its_verdict_is_an_error()
    {
        var lines = Lines(FailedReport).TakeWhile(l => l != "Timing constraints are not met.").ToArray();

        var error = Assert.Throws<InvalidDataException>(() => TimingSummaryParser.Parse(lines, "cut.rpt"))!;

        Assert.That(error.Message, Is.EqualTo("cut.rpt: no verdict after the Design Timing Summary (\"All user specified timing constraints are met.\" or \"Timing constraints are not met.\"): truncated?"));
    }
}
