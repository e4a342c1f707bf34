using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Quasar.HwGen.Cli.Errors;
using Quasar.HwGen.Cli.Tests.Support;
using Quasar.HwGen.Core.Execution.Kernel;
using Quasar.HwGen.Hardware.Engine;
using Quasar.HwGen.Hardware.Kernel;
using Quasar.HwGen.Hardware.Resources;

namespace Quasar.HwGen.Cli.Tests.Verbs;

/// <summary>
/// `quasar report` through the entry point, on reports the model itself wrote with its default constants: the
/// differences must be 0%, a perturbed report must show the percent put in, the HTML page must be well-formed and
/// self-contained, and bad input must be refused on one line with exit 3.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed partial class ReportCommandTests
{
    private static readonly string Fixtures = Path.Combine(Core.RepositoryLayout.Root, "tests", "fixtures", "vitis-reports", "hand-built");

    /// <summary>Array-bound: TM / PT = 64 token steps a block against 8 chunk words.</summary>
    private static readonly EngineConfig Engine =
        new(DspUnits: 512, PackingFactor: 4, LutUnits: 0, TileTokens: 128, TileRows: 16, TileReduction: 16, MaxReduction: 64, MaxRows: 64, ClockMhz: 150);

    private static readonly KernelWordCall[] Calls =
    [
        new(1, 200, 64, 64, 64, 2, -32768, 32767, 0),
        new(3, 128, 40, 48, 40, 1, -32, 31, GemmFlags.PerTensor),
        new(1, 200, 64, 64, 64, 2, -32768, 32767, 0),
    ];

    private SyntheticReports _reports = null!;

    [SetUp]
    public void MakeFolder() => _reports = new SyntheticReports();

    [TearDown]
    public void RemoveFolder() => _reports.Dispose();

    [Test]
    public void Reports_made_by_the_model_differ_from_it_by_zero_percent_in_every_figure()
    {
        var project = Project(lutScale: 1, ffScale: 1, latencyScale: 1);

        var run = Shell.Run("report", project);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        foreach (var figure in new[] { "LUT", "FF", "DSP", "BRAM_18K", "latency/call, min (cycles)", "latency/call, avg (cycles)", "latency/call, max (cycles)" })
            Assert.That(Row(run.Out, figure)[4], Is.EqualTo("0.0%"), figure + "\n" + run.Out);
        Assert.That(Row(run.Out, "URAM")[3], Is.EqualTo("not modelled"));
        Assert.That(run.Out, Does.Contain("csynth (estimate)").And.Contain("cosim (measured)").And.Contain("model: the hardware model with its default constants"));
        Assert.That(run.Out, Does.Contain("implementation: none (run quasar link)"));
    }

    [Test]
    public void A_perturbed_report_shows_the_difference_put_into_it()
    {
        var project = Project(lutScale: 1 / 1.05, ffScale: 1 / 0.9, latencyScale: 1 / 1.25);
        var model = ResourceModel.Estimate(Engine).Kernel;
        long lut = (long)Math.Round(model.Lut / 1.05);

        var run = Shell.Run("report", project);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        Assert.That(Row(run.Out, "LUT"), Is.EqualTo(new[]
        {
            "LUT", "csynth (estimate)", lut.ToString("N0", CultureInfo.InvariantCulture), model.Lut.ToString("N0", CultureInfo.InvariantCulture), "+5.0%",
            string.Create(CultureInfo.InvariantCulture, $"{lut / 230400.0:0.0%} ({model.Lut / 230400:0.0%})"),
        }), run.Out);
        Assert.That(Row(run.Out, "FF")[4], Is.EqualTo("-10.0%"), run.Out);
        Assert.That(Row(run.Out, "latency/call, avg (cycles)")[4], Is.EqualTo("+25.0%"), run.Out);
    }

    [Test]
    public void The_table_names_what_binds_the_resources_and_the_latency()
    {
        var project = Project(lutScale: 1, ffScale: 1, latencyScale: 1);
        // The fixture's part limits (csynth's AvailableResources): 624 BRAM_18K, 1,728 DSP, 460,800 FF, 230,400 LUT.
        var bram = ResourceModel.Estimate(Engine).Kernel.Bram;

        var run = Shell.Run("report", project);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        Assert.That(run.Out, Does.Contain(string.Create(CultureInfo.InvariantCulture,
            $"resources: BRAM_18K is closest to the part's limit: {bram:N0} of 624 ({bram / 624.0:0.0%}, csynth (estimate)); the model puts it at {bram / 624.0:0.0%}")));
        Assert.That(run.Out, Does.Contain("latency (model, share of the golden calls' cycles by the process that binds each call): the array (compute) 100%"));
        Assert.That(run.Out, Does.Match(@"1×200×64×64 \(N' 64, 2 B out\) +2 call\(s\)"));
        Assert.That(run.Out, Does.Match(@"3×128×40×48 \(N' 40, 1 B out, per tensor\) +1 call\(s\)"));
    }

    [Test]
    public void The_csynth_text_report_and_lat_rpt_stand_in_for_the_xml_and_the_cosim_report()
    {
        var project = Project(lutScale: 1, ffScale: 1, latencyScale: 1);
        var synthesis = Path.Combine(project, "prj", "solution1", "syn", "report");
        File.Delete(Path.Combine(synthesis, "csynth.xml"));
        File.Copy(Path.Combine(Fixtures, "vitis-hls-2024.2", "quasar_gemm_csynth.rpt"), Path.Combine(synthesis, "quasar_gemm_csynth.rpt"));
        var simulation = Path.Combine(project, "prj", "solution1", "sim", "report");
        File.Delete(Path.Combine(simulation, "quasar_gemm_cosim.rpt"));
        double average = Calls.Average(c => KernelCycles.ForCall(Engine, c, Hardware.Constants.ModelConstants.ArrayEfficiency).Total);
        var latency = Path.Combine(Directory.CreateDirectory(Path.Combine(simulation, "verilog")).FullName, "lat.rpt");
        File.WriteAllText(latency, string.Create(CultureInfo.InvariantCulture, $"$AVER_LATENCY = \"{Math.Round(average / 1.1)}\"\n$AVER_THROUGHPUT = \"2500\"\n"));

        var run = Shell.Run("report", project);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        Assert.That(Row(run.Out, "clock period (ns)")[..3], Is.EqualTo(new[] { "clock period (ns)", "csynth (estimate)", "7.104" }), "the text report's estimate");
        Assert.That(Row(run.Out, "latency/call, avg (cycles)")[4], Is.EqualTo("+10.0%"), run.Out);
        Assert.That(Rows(run.Out, "latency/call, min (cycles)"), Is.Empty, "lat.rpt here gives no minimum");
        Assert.That(Row(run.Out, "interval, avg (cycles)")[2], Is.EqualTo("2,500"));
        Assert.That(run.Out, Does.Contain($"cosim: {latency} (measured in RTL simulation over the 3 golden calls"));

        var file = Shell.Run("report", Path.Combine(synthesis, "quasar_gemm_csynth.rpt"));
        Assert.That(file.ExitCode, Is.EqualTo(ExitCodes.Success), file.ToString());
        Assert.That(Row(file.Out, "clock period (ns)")[2], Is.EqualTo("7.104"), "the text report given as a file");
    }

    [Test]
    public void Vivado_reports_after_link_are_shown_beside_the_model_with_the_platform_shell()
    {
        var project = Project(lutScale: 1, ffScale: 1, latencyScale: 1);
        var imp = Directory.CreateDirectory(Path.Combine(project, "_x", "reports", "link", "imp")).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(Fixtures, "vivado-2023.2-zynquplus")))
            File.Copy(file, Path.Combine(imp, Path.GetFileName(file)));

        var run = Shell.Run("report", project);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        var lut = Rows(run.Out, "LUT");
        Assert.That(lut.Select(r => r[1]), Is.EqualTo(new[] { "csynth (estimate)", "Vivado (implemented)" }));
        Assert.That(lut[1][3], Is.EqualTo(ResourceModel.Estimate(Engine).Total.Lut.ToString("N0", CultureInfo.InvariantCulture)));
        Assert.That(Row(run.Out, "clock period, timed (ns)")[1], Is.EqualTo("Vivado (implemented)"));
        Assert.That(run.Out, Does.Contain("(Vivado implemented; the whole design with the platform shell)"));
    }

    [Test]
    public void The_html_page_is_well_formed_self_contained_and_has_a_chart_per_resource_and_for_latency()
    {
        var project = Project(lutScale: 1, ffScale: 1, latencyScale: 1);
        var page = _reports.File("report.html");

        var run = Shell.Run("report", project, "--html", page);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        Assert.That(run.Out, Does.EndWith($"wrote {page}\n"));
        var html = File.ReadAllText(page);
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        var document = XDocument.Load(reader);
        Assert.That(document.Descendants("svg").Count(), Is.EqualTo(6), "LUT, FF, DSP, BRAM_18K, URAM and latency per call");
        Assert.That(document.Descendants("table").Single().Elements("tr").Count(), Is.GreaterThan(10));
        foreach (var external in new[] { "http:", "https:", "src=", "href=", "url(", "<script", "@import" })
            Assert.That(html, Does.Not.Contain(external), external);
    }

    [Test]
    public async Task The_html_page_opens_in_a_real_browser_with_every_chart_drawn_and_no_errors()
    {
        var project = Project(lutScale: 1, ffScale: 1, latencyScale: 1);
        var file = _reports.File("report.html");
        var run = Shell.Run("report", project, "--html", file);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());

        await using var chromium = await HeadlessChromium.LaunchAsync();
        var (page, problems) = await chromium.OpenAsync(file);

        var charts = page.Locator("svg");
        Assert.That(await charts.CountAsync(), Is.EqualTo(6), "LUT, FF, DSP, BRAM_18K, URAM and latency per call");
        for (int i = 0; i < 6; i++)
        {
            var box = await charts.Nth(i).BoundingBoxAsync();
            Assert.That(box, Is.Not.Null, $"chart {i} is not laid out");
            Assert.That(box!.Width, Is.GreaterThan(50), $"chart {i}'s width");
            Assert.That(box.Height, Is.GreaterThan(20), $"chart {i}'s height");
            // A bar chart is drawn when its bars are: each has a rectangle the browser gave a size.
            var bars = charts.Nth(i).Locator("rect");
            Assert.That(await bars.CountAsync(), Is.GreaterThan(0), $"chart {i} has no bars");
            Assert.That((await bars.First.BoundingBoxAsync())?.Height, Is.GreaterThan(0), $"chart {i}'s first bar has no height");
        }
        Assert.That(await page.Locator("table tr").CountAsync(), Is.GreaterThan(10));
        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void An_existing_html_file_is_replaced_only_with_force()
    {
        var project = Project(lutScale: 1, ffScale: 1, latencyScale: 1);
        var page = _reports.File("mine.html");
        File.WriteAllText(page, "user data\n");

        var refused = Shell.Run("report", project, "--html", page);
        Assert.That(refused.ExitCode, Is.EqualTo(ExitCodes.BadInput), refused.ToString());
        Assert.That(refused.ErrorLines, Is.EqualTo(new[] { $"error: {page} exists; pass --force to replace it, or choose another --html" }));
        Assert.That(File.ReadAllText(page), Is.EqualTo("user data\n"));

        var forced = Shell.Run("report", project, "--html", page, "--force");
        Assert.That(forced.ExitCode, Is.EqualTo(ExitCodes.Success), forced.ToString());
        Assert.That(File.ReadAllText(page), Does.StartWith("<!DOCTYPE html>"));
    }

    [Test]
    public void With_a_calibration_of_the_project_the_model_column_uses_its_constants()
    {
        var project = Project(lutScale: 1 / 1.05, ffScale: 1, latencyScale: 1);
        var calibration = _reports.File("calibration.yaml");
        var calibrated = Shell.Run("calibrate", project, "--out", calibration);
        Assert.That(calibrated.ExitCode, Is.EqualTo(ExitCodes.Success), calibrated.ToString());

        var run = Shell.Run("report", project, "--calibration", calibration);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        Assert.That(Row(run.Out, "LUT")[4], Is.EqualTo("0.0%"), run.Out);
        Assert.That(run.Out, Does.Contain($"model: the hardware model calibrated by {calibration}"));
    }

    [Test]
    public void A_calibration_of_another_part_is_refused_with_the_project_s_fix()
    {
        var project = Project(lutScale: 1, ffScale: 1, latencyScale: 1);
        var calibration = _reports.File("other-part.yaml");
        File.WriteAllText(calibration, "format: quasar-calibration\nversion: 1\npart: xczu7ev-ffvc1156-2-e\ntop_function: quasar_gemm\ntool_versions: []\nconstants: []\nresiduals: []\nnot_fitted: []\n");

        var run = Shell.Run("report", project, "--calibration", calibration);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.ToString());
        Assert.That(run.ErrorLines, Has.Count.EqualTo(1));
        Assert.That(run.ErrorLines[0], Does.StartWith($"error: {calibration}").And.EndWith(
            "part: 'xczu7ev-ffvc1156-2-e' is not the part of the platform 'zcu102' (xczu9eg-ffvb1156-2-e); use a calibration fitted on the project's part (quasar-project.json platform.part)"));
    }

    [Test]
    public void A_folder_that_is_no_project_is_refused()
    {
        var folder = Directory.CreateDirectory(_reports.File("empty")).FullName;

        var run = Shell.Run("report", folder);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.ToString());
        Assert.That(run.ErrorLines, Is.EqualTo(new[] { $"error: {folder}: no quasar-project.json here or above; give a generated project's folder, or report files with --project" }));
    }

    [Test]
    public void A_project_without_reports_is_told_to_run_synth_first()
    {
        var project = _reports.Project("bare", Engine);

        var run = Shell.Run("report", project);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.ToString());
        Assert.That(run.ErrorLines, Is.EqualTo(new[] { $"error: {project}: no csynth or cosim report under prj/solution1/ or work/hls/; run quasar synth (and quasar cosim) first" }));
        Assert.That(run.ShowsStackTrace, Is.False);
    }

    [Test]
    public void A_csynth_report_of_another_part_is_refused()
    {
        var project = _reports.Project("d", Engine);
        var csynth = SyntheticReports.Csynth(project, ResourceModel.Estimate(Engine).Kernel, part: "xczu7ev-ffvc1156-2-e");

        var run = Shell.Run("report", project);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.ToString());
        Assert.That(run.ErrorLines, Is.EqualTo(new[]
        {
            $"error: {Path.GetDirectoryName(csynth)}: synthesized for part xczu7ev-ffvc1156-2-e, not the project's xczu9eg-ffvb1156-2-e (quasar-project.json platform.part); synthesize the project for its own part, or regenerate it for that platform",
        }));
    }

    [Test]
    public void A_csynth_report_of_another_top_function_is_refused()
    {
        var project = _reports.Project("d", Engine);
        var csynth = SyntheticReports.Csynth(project, ResourceModel.Estimate(Engine).Kernel, top: "gaussian");

        var run = Shell.Run("report", csynth);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.ToString());
        Assert.That(run.ErrorLines, Is.EqualTo(new[]
        {
            $"error: {csynth}: a csynth report of 'gaussian', not of quasar_gemm (the top function of every generated project); use a generated project's reports",
        }));
    }

    [Test]
    public void A_vivado_report_of_another_device_is_refused()
    {
        var project = Project(lutScale: 1, ffScale: 1, latencyScale: 1);
        var imp = Directory.CreateDirectory(Path.Combine(project, "build", "hw", "_x", "reports", "link", "imp")).FullName;
        var report = Path.Combine(imp, "impl_1_full_util_routed.rpt");
        File.Copy(Path.Combine(Fixtures, "vivado-2018.3-zynquplus", "design_1_wrapper_utilization_placed.rpt"), report);

        var run = Shell.Run("report", project);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.ToString());
        Assert.That(run.ErrorLines, Is.EqualTo(new[]
        {
            $"error: {report}: implemented for device xczu7evffvc1156-2, not the project's xczu9eg-ffvb1156-2-e (quasar-project.json platform.part); link the project for its own part, or remove the stale build folder",
        }));
    }

    [Test]
    public void A_malformed_cosim_report_is_refused_on_one_line_naming_it()
    {
        var project = Project(lutScale: 1, ffScale: 1, latencyScale: 1);
        var cosim = Path.Combine(project, "prj", "solution1", "sim", "report", "quasar_gemm_cosim.rpt");
        File.WriteAllText(cosim, "this is no cosim report\n");

        var run = Shell.Run("report", project);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.ToString());
        Assert.That(run.ErrorLines, Has.Count.EqualTo(1));
        Assert.That(run.ErrorLines[0], Does.StartWith($"error: {cosim}: "));
        Assert.That(run.ShowsStackTrace, Is.False);
    }

    /// <summary>A project of <see cref="Engine"/> whose csynth report is the model's kernel (LUTs and FFs scaled) and whose cosim measured the model's cycles of <see cref="Calls"/> (scaled).</summary>
    private string Project(double lutScale, double ffScale, double latencyScale)
    {
        var project = _reports.Project("design", Engine);
        var kernel = ResourceModel.Estimate(Engine).Kernel;
        SyntheticReports.Csynth(project, kernel with { Lut = kernel.Lut * lutScale, Ff = kernel.Ff * ffScale });
        var cycles = Calls.Select(c => KernelCycles.ForCall(Engine, c, Hardware.Constants.ModelConstants.ArrayEfficiency).Total * latencyScale).ToList();
        SyntheticReports.Cosim(project, Engine, Calls, (long)Math.Round(cycles.Min()), (long)Math.Round(cycles.Average()), (long)Math.Round(cycles.Max()));
        return project;
    }

    /// <summary>The cells of the table's only row of <paramref name="figure"/> (cells are two or more spaces apart).</summary>
    private static string[] Row(string output, string figure)
    {
        var rows = Rows(output, figure);
        if (rows.Count != 1) Assert.Fail($"{rows.Count} rows of '{figure}' in:\n{output}");
        return rows[0];
    }

    private static List<string[]> Rows(string output, string figure) =>
        [.. output.Split('\n').Select(l => CellGap().Split(l.Trim())).Where(cells => cells[0] == figure && cells.Length >= 4)];

    [GeneratedRegex(" {2,}")]
    private static partial Regex CellGap();
}
