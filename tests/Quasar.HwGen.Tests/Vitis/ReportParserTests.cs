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
        Assert.That((loop3.TripCount, loop3.Latency, loop3.IterationLatency), Is.EqualTo(((CountRange?)784, (CountRange?)3081904, (CountRange?)3931)));
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

    /// <summary>Vivado HLS (and Vitis 2021.2+) write a variable loop's counts as a range; reading Value glued them ("1" "25" → 125).</summary>
    [Test]
    public void A_variable_loop_s_range_is_read_as_a_range()
    {
        var loop9 = CsynthReportParser.Load(Fixture("mnist-vivado-hls/csynth.xml")).Loops.Single(l => l.Name == "Loop9");

        Assert.That((loop9.TripCount, loop9.Latency), Is.EqualTo(((CountRange?)new CountRange(1, 25), (CountRange?)new CountRange(2, 26))));
        Assert.That(loop9.TripCount!.Value.ToString(), Is.EqualTo("1..25"));
    }

    /// <summary>
    /// The loop summary of Vitis 2021.2 and later: ranges on one line, an <c>InstanceList</c> (2021.2+) and a
    /// <c>Slack</c> (2022.2+) beside the loop fields; neither is a loop.
    /// </summary>
    [Test]
    public void A_vitis_2022_loop_summary_with_ranges_instance_lists_and_slack_is_read()
    {
        var text = File.ReadAllText(Fixture("gaussian-2020.2/csynth.xml"))
            .Replace("<TripCount>4</TripCount>\n<Latency>5</Latency>",
                "<TripCount><range><min>1</min><max>4</max></range></TripCount>\n<Latency><range><min>18</min><max>27</max></range></Latency>"
                + "<InstanceList><Instance>grp_win_fu_120</Instance></InstanceList><Slack>0.53</Slack>", StringComparison.Ordinal);
        Assert.That(text, Does.Contain("<Slack>0.53</Slack>"), "the fixture changed: rebuild this case");

        var report = CsynthReportParser.Parse(XDocument.Parse(text), "vitis-2022.2.xml");

        var loop = report.Loops.Single(l => l.Name == "win_y_win_x");
        Assert.That((loop.TripCount, loop.Latency), Is.EqualTo(((CountRange?)new CountRange(1, 4), (CountRange?)new CountRange(18, 27))));
        Assert.That(loop.Loops, Is.Empty, "InstanceList and Slack are fields, not child loops");
        Assert.That(report.Loops.Select(l => l.Name), Is.EqualTo(new[] { "buf_x1", "buf_x2", "win_y_win_x", "for_y_for_x" }));
    }

    [Test]
    public void A_range_where_a_count_belongs_is_an_error_not_a_glued_number()
    {
        var text = File.ReadAllText(Fixture("gaussian-2020.2/csynth.xml"))
            .Replace("<Worst-caseLatency>262673</Worst-caseLatency>", "<Worst-caseLatency><range><min>18</min><max>27</max></range></Worst-caseLatency>", StringComparison.Ordinal);

        var error = Assert.Throws<InvalidDataException>(() => CsynthReportParser.Parse(XDocument.Parse(text), "w.xml"))!;

        Assert.That(error.Message, Is.EqualTo("w.xml: <Worst-caseLatency> holds <range>, where a count or undef is expected"));
    }

    /// <summary>Vitis 2022.2's cosim table adds a ninth column, Total Execution Time; a Fail in it must still fail.</summary>
    [Test]
    public void A_nine_column_cosim_report_is_read_and_its_fail_counts()
    {
        string[] lines =
        [
            "|          |          |             Latency(Clock Cycles)             |              Interval(Clock Cycles)           | Total Execution Time |",
            "+   RTL    +  Status  +-----------------------------------------------+-----------------------------------------------+    (Clock Cycles)    +",
            "|          |          |      min      |      avg      |      max      |      min      |      avg      |      max      |                      |",
            "|      VHDL|        NA|             NA|             NA|             NA|             NA|             NA|             NA|                    NA|",
            "|   Verilog|      Fail|            263|            263|            263|            264|            264|            264|                  2110|",
        ];

        var report = CosimReportParser.Parse(lines, "cosim-2022.2.rpt");

        Assert.That(report.Rows.Select(r => (r.Rtl, r.Status, r.TotalExecutionTime)), Is.EqualTo(new[] { ("VHDL", "NA", (long?)null), ("Verilog", "Fail", (long?)2110) }));
        Assert.That(report.Passed, Is.False);
    }

    [Test]
    public void A_report_within_the_part_and_the_clock_has_no_problems()
    {
        Assert.That(CsynthReportChecks.Problems(CsynthReportParser.Load(Fixture("gaussian-2020.2/csynth.xml"))), Is.Empty);
    }

    [Test]
    public void More_DSPs_than_the_part_has_and_a_missed_clock_contradict_a_successful_synthesis()
    {
        var report = CsynthReportParser.Load(Fixture("gaussian-2020.2/csynth.xml"));
        var over = report with { Resources = report.Resources with { Dsp = 2000 }, EstimatedClockPeriodNs = 9.5, ClockUncertaintyNs = 2.7 };

        Assert.That(CsynthReportChecks.Problems(over), Is.EqualTo(new[]
        {
            "timing not met: estimated clock period 9.5 ns exceeds the budget of 7.3 ns (target 10 ns, uncertainty 2.7 ns)",
            "resources over the part: 2,000 DSP of the xczu7ev-ffvc1156-2-e's 1,728",
        }));
    }

    [Test]
    public void Cosim_s_lat_rpt_gives_the_measured_latency()
    {
        var report = LatencyReportParser.Load(Fixture("mnist-vivado-hls/lat.rpt"));

        Assert.That(report, Is.EqualTo(new LatencyReport(4642865, 4642865, 4642865, 0, 0, 0)));
        Assert.Throws<InvalidDataException>(() => LatencyReportParser.Parse(["Report time : today"], "x.rpt"));
        Assert.That(Assert.Throws<InvalidDataException>(() => LatencyReportParser.Parse(["$MAX_LATENCY = \"NA\""], "y.rpt"))!.Message,
            Is.EqualTo("y.rpt: $MAX_LATENCY is 'NA', not a cycle count"));
    }

    private static bool SameLoop(LoopLatency a, LoopLatency b) =>
        (a.Name, a.TripCount, a.Latency, a.IterationLatency, a.PipelineII, a.PipelineDepth, a.Loops.Count)
        == (b.Name, b.TripCount, b.Latency, b.IterationLatency, b.PipelineII, b.PipelineDepth, b.Loops.Count);
}
