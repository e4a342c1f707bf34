using Quasar.HwGen.Vitis.Reports;

namespace Quasar.HwGen.Tests.Vitis;

/// <summary>The text C-synthesis report, one hand-built file per release layout (tests/fixtures/vitis-reports/hand-built).</summary>
[TestFixture]
public sealed class CsynthTextReportParserTests
{
    private static readonly ResourceUsage Zu9egResources = new(1824, 2520, 548160, 274080, 0);

    private static string Fixture(string path) => Path.Combine(TestPaths.VitisReports, "hand-built", path);

    private static string[] Lines(string path) => File.ReadAllLines(Fixture(path));

    [Test]
    public void A_vivado_hls_2019_1_report_with_unitless_periods_five_latency_columns_and_DSP48E_is_read()
    {
        var report = CsynthTextReportParser.Load(Fixture("vivado-hls-2019.1/quasar_gemm_csynth.rpt"));

        Assert.That((report.ToolVersion, report.Part, report.TopModel, report.FlowTarget), Is.EqualTo(("2019.1", "xczu9eg-ffvb1156-2-e", "quasar_gemm", (string?)null)));
        Assert.That((report.TargetClockPeriodNs, report.EstimatedClockPeriodNs, report.ClockUncertaintyNs), Is.EqualTo((6.67, (double?)5.912, (double?)0.83)));
        Assert.That((report.BestCaseLatency, report.WorstCaseLatency, report.IntervalMin, report.IntervalMax), Is.EqualTo(((long?)41210, (long?)41210, (long?)41211, (long?)41211)));
        Assert.That(report.AverageCaseLatency, Is.Null, "text reports give no average");
        Assert.That(report.Loops, Is.Empty, "the loop table is not read");
        Assert.That(report.Resources, Is.EqualTo(new ResourceUsage(68, 96, 7881, 4893, 0)), "DSP from the DSP48E column");
        Assert.That(report.Available, Is.EqualTo(Zu9egResources));
    }

    [Test]
    public void A_vitis_hls_2021_2_report_with_ns_units_seven_latency_columns_and_unknown_latencies_is_read()
    {
        var report = CsynthTextReportParser.Load(Fixture("vitis-hls-2021.2/quasar_gemm_csynth.rpt"));

        Assert.That((report.ToolVersion, report.FlowTarget), Is.EqualTo(("2021.2", (string?)"vitis")));
        Assert.That((report.TargetClockPeriodNs, report.EstimatedClockPeriodNs, report.ClockUncertaintyNs), Is.EqualTo((6.67, (double?)4.870, (double?)1.80)));
        Assert.That(new[] { report.BestCaseLatency, report.WorstCaseLatency, report.IntervalMin, report.IntervalMax }, Is.All.Null, "? reads as null");
        Assert.That(report.Resources, Is.EqualTo(new ResourceUsage(30, 12, 6107, 6979, 0)));
        Assert.That(report.Available, Is.EqualTo(Zu9egResources));
    }

    [Test]
    public void A_vitis_hls_2024_2_dataflow_report_gives_latency_interval_and_resources()
    {
        var report = CsynthTextReportParser.Load(Fixture("vitis-hls-2024.2/quasar_gemm_csynth.rpt"));

        Assert.That((report.ToolVersion, report.Part, report.FlowTarget), Is.EqualTo(("2024.2", "xczu9eg-ffvb1156-2-e", (string?)"vitis")));
        Assert.That((report.BestCaseLatency, report.WorstCaseLatency, report.IntervalMin, report.IntervalMax), Is.EqualTo(((long?)167712, (long?)183040, (long?)167713, (long?)183041)));
        Assert.That(report.Resources, Is.EqualTo(new ResourceUsage(142, 512, 49234, 61647, 0)), "the summary's Total, not the instance detail's");
        Assert.That(report.Available, Is.EqualTo(Zu9egResources));
    }

    /// <summary>The fallback must not hide a missed clock: the text report's figures go through the same checks.</summary>
    [Test]
    public void A_text_report_over_the_clock_budget_is_a_problem_for_the_checks()
    {
        var report = CsynthTextReportParser.Load(Fixture("vitis-hls-2024.2/quasar_gemm_csynth.rpt"));

        Assert.That(CsynthReportChecks.Problems(report), Is.EqualTo(new[]
        {
            "timing not met: estimated clock period 7.104 ns exceeds the budget of 4.87 ns (target 6.67 ns, uncertainty 1.8 ns)",
        }));
    }

    [Test]
    public void Undef_in_the_latency_summary_reads_as_null()
    {
        var lines = Lines("vivado-hls-2019.1/quasar_gemm_csynth.rpt")
            .Select(l => l.Replace("|  41210|  41210|  41211|  41211|", "|  undef|  undef|  41211|  41211|", StringComparison.Ordinal)).ToArray();

        var report = CsynthTextReportParser.Parse(lines, "undef.rpt");

        Assert.That((report.BestCaseLatency, report.WorstCaseLatency, report.IntervalMin), Is.EqualTo(((long?)null, (long?)null, (long?)41211)));
    }

    /// <summary>Multi-SLR parts add an "Available SLR" row before "Available"; the part's total is the latter.</summary>
    [Test]
    public void The_available_SLR_row_is_not_taken_for_the_part_s_resources()
    {
        var lines = Lines("vitis-hls-2021.2/quasar_gemm_csynth.rpt").SelectMany(l => l.StartsWith("|Available ", StringComparison.Ordinal)
            ? new[] { "|Available SLR    |      912| 1260|  274080| 137040|    0|", "+-----------------+---------+-----+--------+-------+-----+", l }
            : new[] { l }).ToArray();
        Assert.That(lines, Has.Some.StartsWith("|Available SLR"), "the fixture changed: rebuild this case");

        var report = CsynthTextReportParser.Parse(lines, "slr.rpt");

        Assert.That(report.Available, Is.EqualTo(Zu9egResources));
    }

    [Test]
    public void The_2022_synthesis_summary_is_refused_saying_what_it_lacks()
    {
        var path = Fixture("vitis-hls-2022.2-summary/csynth.rpt");

        var error = Assert.Throws<InvalidDataException>(() => CsynthTextReportParser.Load(path))!;

        Assert.That(error.Message, Is.EqualTo($"{path}: is the synthesis summary of Vitis HLS 2022.1 or later, which gives neither the target clock nor the part's resources; read <top>_csynth.rpt or csynth.xml"));
    }

    [Test]
    public void A_report_cut_before_the_utilization_estimates_is_an_error_naming_the_file()
    {
        var lines = Lines("vitis-hls-2024.2/quasar_gemm_csynth.rpt").TakeWhile(l => l != "== Utilization Estimates").ToArray();

        var error = Assert.Throws<InvalidDataException>(() => CsynthTextReportParser.Parse(lines, "cut.rpt"))!;

        Assert.That(error.Message, Is.EqualTo("cut.rpt: no \"== Utilization Estimates\" section (truncated or not a C-synthesis report?)"));
    }

    [Test]
    public void A_latency_summary_cut_after_its_header_is_an_error()
    {
        var all = Lines("vivado-hls-2019.1/quasar_gemm_csynth.rpt");
        int header = Array.FindIndex(all, l => l.TrimEnd().EndsWith("|   Type  |", StringComparison.Ordinal));
        var lines = all.Take(header + 1).Concat(all.SkipWhile(l => l != "== Utilization Estimates").Prepend("")).ToArray();

        var error = Assert.Throws<InvalidDataException>(() => CsynthTextReportParser.Parse(lines, "cut.rpt"))!;

        Assert.That(error.Message, Is.EqualTo("cut.rpt: the latency summary has no row of figures (truncated?)"));
    }

    [Test]
    public void A_foreign_file_is_not_a_csynth_text_report()
    {
        var path = Path.Combine(TestPaths.VitisReports, "mnist-vivado-hls", "c_mnist_cosim.rpt");

        var error = Assert.Throws<InvalidDataException>(() => CsynthTextReportParser.Load(path))!;

        Assert.That(error.Message, Is.EqualTo($"{path}: no \"== Vivado HLS Report for '<top>'\" or \"== Vitis HLS Report for '<top>'\" line: not a C-synthesis text report"));
    }

    [Test]
    public void A_count_that_is_not_a_number_is_an_error_quoting_it()
    {
        var lines = Lines("vivado-hls-2019.1/quasar_gemm_csynth.rpt")
            .Select(l => l.Replace("|Total            |       68|", "|Total            |      6x8|", StringComparison.Ordinal)).ToArray();

        var error = Assert.Throws<InvalidDataException>(() => CsynthTextReportParser.Parse(lines, "bad.rpt"))!;

        Assert.That(error.Message, Is.EqualTo("bad.rpt: BRAM_18K of the Total row is '6x8', not a count"));
    }
}
