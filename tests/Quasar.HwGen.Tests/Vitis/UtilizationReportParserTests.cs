using Quasar.HwGen.Vitis.Reports;

namespace Quasar.HwGen.Tests.Vitis;

/// <summary>Vivado's report_utilization, one hand-built file per layout (tests/fixtures/vitis-reports/hand-built).</summary>
[TestFixture]
public sealed class UtilizationReportParserTests
{
    private const string Routed2023 = "vivado-2023.2-zynquplus/impl_1_full_util_routed.rpt";

    private static string Fixture(string path) => Path.Combine(TestPaths.VitisReports, "hand-built", path);

    private static string[] Lines(string path) => File.ReadAllLines(Fixture(path));

    [Test]
    public void An_ultrascale_plus_report_with_the_prohibited_column_gives_used_and_available_resources()
    {
        var report = UtilizationReportParser.Load(Fixture(Routed2023));

        Assert.That(report.Device, Is.EqualTo("xczu9eg-ffvb1156-2-e"));
        Assert.That(report.Used, Is.EqualTo(new ResourceUsage(Bram18K: 403, Dsp: 518, Ff: 96402, Lut: 83514, Uram: 0)), "201.5 tiles are 403 BRAM_18K; no URAM row");
        Assert.That(report.Available, Is.EqualTo(new ResourceUsage(1824, 2520, 548160, 274080, 0)), "the same figures as the csynth report's part");
    }

    [Test]
    public void An_older_ultrascale_plus_report_without_the_prohibited_column_and_with_URAM_is_read()
    {
        var report = UtilizationReportParser.Load(Fixture("vivado-2018.3-zynquplus/design_1_wrapper_utilization_placed.rpt"));

        Assert.That(report.Device, Is.EqualTo("xczu7evffvc1156-2"));
        Assert.That(report.Used, Is.EqualTo(new ResourceUsage(148, 260, 51970, 40127, 16)));
        Assert.That(report.Available, Is.EqualTo(new ResourceUsage(624, 1728, 460800, 230400, 96)));
    }

    [Test]
    public void A_7_series_report_with_slice_rows_is_read()
    {
        var report = UtilizationReportParser.Load(Fixture("vivado-2018.3-7series/system_wrapper_utilization_placed.rpt"));

        Assert.That(report.Device, Is.EqualTo("7z020clg400-1"));
        Assert.That(report.Used, Is.EqualTo(new ResourceUsage(97, 110, 30558, 21044, 0)));
        Assert.That(report.Available, Is.EqualTo(new ResourceUsage(280, 220, 106400, 53200, 0)));
    }

    [Test]
    public void The_asterisk_of_a_synthesized_design_s_LUT_row_is_ignored()
    {
        var lines = Lines(Routed2023).Select(l => l.Replace("| CLB LUTs                   |", "| CLB LUTs*                  |", StringComparison.Ordinal)).ToArray();
        Assert.That(lines, Has.Some.Contains("CLB LUTs*"), "the fixture changed: rebuild this case");

        Assert.That(UtilizationReportParser.Parse(lines, "synth.rpt").Used.Lut, Is.EqualTo(83514));
    }

    /// <summary>The per-SLR table names the same sites with SLR columns; its figures must not be taken for Used.</summary>
    [Test]
    public void A_table_without_used_and_available_columns_is_not_read()
    {
        string[] slrTable =
        [
            "+----------------------------+-------+-------+--------+--------+",
            "|          Site Type         |  SLR0 |  SLR1 | SLR0 % | SLR1 % |",
            "+----------------------------+-------+-------+--------+--------+",
            "| CLB LUTs                   |    11 |    22 |   0.01 |   0.02 |",
            "| DSPs                       |     3 |     4 |   0.12 |   0.16 |",
            "+----------------------------+-------+-------+--------+--------+",
            "",
        ];

        var report = UtilizationReportParser.Parse(slrTable.Concat(Lines(Routed2023)), "slr.rpt");

        Assert.That((report.Used.Lut, report.Used.Dsp), Is.EqualTo((83514, 518)));
    }

    [Test]
    public void A_report_cut_before_the_block_ram_section_is_an_error_naming_the_missing_rows()
    {
        var all = Lines(Routed2023);
        var lines = all[..Array.LastIndexOf(all, "3. BLOCKRAM")]; // the last: the table of contents names it too

        var error = Assert.Throws<InvalidDataException>(() => UtilizationReportParser.Parse(lines, "cut.rpt"))!;

        Assert.That(error.Message, Is.EqualTo("cut.rpt: no Block RAM Tile, no DSPs or DSP48E1 or DSP48E2 row in a | Site Type | Used | ... | Available | table: truncated or not a Vivado utilization report?"));
    }

    [Test]
    public void A_timing_summary_is_not_a_utilization_report()
    {
        var path = Fixture("vivado-2023.2-zynquplus/impl_1_xilinx_zcu102_base_wrapper_timing_summary_routed.rpt");

        var error = Assert.Throws<InvalidDataException>(() => UtilizationReportParser.Load(path))!;

        Assert.That(error.Message, Is.EqualTo($"{path}: no CLB LUTs or Slice LUTs, no CLB Registers or Slice Registers, no Block RAM Tile, no DSPs or DSP48E1 or DSP48E2 row in a | Site Type | Used | ... | Available | table: truncated or not a Vivado utilization report?"));
    }

    [Test]
    public void A_block_ram_count_that_is_not_whole_or_half_tiles_is_an_error()
    {
        var lines = Lines(Routed2023).Select(l => l.Replace("| Block RAM Tile    | 201.5 |", "| Block RAM Tile    | 201.2 |", StringComparison.Ordinal)).ToArray();

        var error = Assert.Throws<InvalidDataException>(() => UtilizationReportParser.Parse(lines, "odd.rpt"))!;

        Assert.That(error.Message, Is.EqualTo("odd.rpt: the Block RAM Tile row says '201.2' where a count of tiles (in halves) belongs"));
    }
}
