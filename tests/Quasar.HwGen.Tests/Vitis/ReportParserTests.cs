using System.Xml.Linq;
using Quasar.HwGen.Vitis.Reports;

namespace Quasar.HwGen.Tests.Vitis;

/// <summary>The report parsers on real reports (tests/fixtures/vitis-reports).</summary>
[TestFixture]
public sealed class ReportParserTests
{
    private static string Fixture(string path) => Path.Combine(TestPaths.VitisReports, path);

    [Test]
    public void A_vitis_2020_2_report_with_the_DSP_tag_is_read()
    {
        var report = CsynthReportParser.Load(Fixture("gaussian-2020.2/csynth.xml"));

        Assert.That(report.ToolVersion, Is.EqualTo("2020.2"));
        Assert.That(report.Part, Is.EqualTo("xczu7ev-ffvc1156-2-e"));
        Assert.That(report.TopModel, Is.EqualTo("gaussian"));
        Assert.That(report.TargetClockPeriodNs, Is.EqualTo(10.0));
        Assert.That(report.EstimatedClockPeriodNs, Is.EqualTo(6.427));
        Assert.That((report.BestCaseLatency, report.WorstCaseLatency, report.IntervalMax), Is.EqualTo(((long?)262673, (long?)262673, (long?)262674)));
        Assert.That(report.Resources, Is.EqualTo(new ResourceUsage(3, 0, 973, 1870, 0)));
        Assert.That(report.Available!.Dsp, Is.EqualTo(1728));
        Assert.That(report.Loops.Select(l => l.Name), Is.EqualTo(new[] { "buf_x1", "buf_x2", "win_y_win_x", "for_y_for_x" }));
        Assert.That(report.Loops[3], Is.EqualTo(new LoopLatency("for_y_for_x", 262144, 262146, null, 1, 4, [])).Using<LoopLatency>(SameLoop));
    }

    [Test]
    public void A_vivado_report_with_the_DSP48E_tag_undef_latencies_and_nested_loops_is_read()
    {
        var report = CsynthReportParser.Load(Fixture("mnist-vivado-hls/csynth.xml"));

        Assert.That(report.Part, Is.EqualTo("xcvu13p-flga2577-2-e"));
        Assert.That(report.BestCaseLatency, Is.Null);
        Assert.That(report.IntervalMin, Is.Null);
        Assert.That(report.Loops[0].TripCount, Is.Null, "Loop1 has a variable bound");
        var loop3 = report.Loops.Single(l => l.Name == "Loop3");
        Assert.That((loop3.TripCount, loop3.Latency, loop3.IterationLatency), Is.EqualTo(((long?)784, (long?)3081904, (long?)3931)));
        Assert.That(loop3.Loops.Single().Name, Is.EqualTo("Loop3.1"));
        Assert.That(loop3.Loops.Single().PipelineII, Is.EqualTo(5));
        Assert.That(report.Resources, Is.EqualTo(new ResourceUsage(3391, 80, 14744, 21133, 0)), "DSP from <DSP48E>");
        Assert.That(report.Resources, Is.EqualTo(CsynthReportParser.Load(Fixture("mnist-vivado-hls/c_mnist_csynth.xml")).Resources));
    }

    [Test]
    public void A_truncated_report_is_an_error_naming_the_file()
    {
        var text = File.ReadAllText(Fixture("gaussian-2020.2/csynth.xml"));

        var error = Assert.Throws<InvalidDataException>(() => CsynthReportParser.Parse(XDocument.Parse(text[..text.IndexOf("<AreaEstimates>", StringComparison.Ordinal)] + "</profile>"), "cut.xml"))!;

        Assert.That(error.Message, Is.EqualTo("cut.xml: <profile> lacks <AreaEstimates> (truncated or not a csynth report?)"));
    }

    [Test]
    public void A_foreign_xml_file_is_an_error()
    {
        var error = Assert.Throws<InvalidDataException>(() => CsynthReportParser.Parse(XDocument.Parse("<project/>"), "p.xml"))!;

        Assert.That(error.Message, Does.Contain("the root is <project>, not <profile>"));
    }

    [Test]
    public void The_cosim_report_gives_the_verilog_latency_and_status()
    {
        var report = CosimReportParser.Load(Fixture("mnist-vivado-hls/c_mnist_cosim.rpt"));

        Assert.That(report.Rows.Select(r => (r.Rtl, r.Status)), Is.EqualTo(new[] { ("VHDL", "NA"), ("Verilog", "Pass") }));
        Assert.That(report.Rows[1].LatencyMax, Is.EqualTo(4642865));
        Assert.That(report.Rows[1].IntervalMin, Is.Null);
        Assert.That(report.Passed, Is.True);
    }

    [Test]
    public void A_failed_rtl_row_fails_the_cosim_report()
    {
        var report = CosimReportParser.Parse(["|   Verilog|      Fail|        NA|        NA|        NA|        NA|        NA|        NA|"], "x.rpt");

        Assert.That(report.Passed, Is.False);
    }

    [Test]
    public void A_file_without_rtl_rows_is_not_a_cosim_report()
    {
        Assert.Throws<InvalidDataException>(() => CosimReportParser.Parse(["Report time : today"], "x.rpt"));
    }

    private static bool SameLoop(LoopLatency a, LoopLatency b) =>
        (a.Name, a.TripCount, a.Latency, a.IterationLatency, a.PipelineII, a.PipelineDepth, a.Loops.Count)
        == (b.Name, b.TripCount, b.Latency, b.IterationLatency, b.PipelineII, b.PipelineDepth, b.Loops.Count);
}
