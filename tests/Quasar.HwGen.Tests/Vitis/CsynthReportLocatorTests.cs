using Quasar.HwGen.Vitis.Reports;

namespace Quasar.HwGen.Tests.Vitis;

/// <summary>Which csynth report of a report folder is the top function's: XML first, the text report as the fallback.</summary>
[TestFixture]
public sealed class CsynthReportLocatorTests
{
    private const string Top = "quasar_gemm";

    private static string Fixture(string path) => Path.Combine(TestPaths.VitisReports, path);

    /// <summary>The real 2020.2 csynth.xml, renamed to the top <paramref name="top"/>.</summary>
    private static string XmlOf(string top) =>
        File.ReadAllText(Fixture("gaussian-2020.2/csynth.xml")).Replace("<TopModelName>gaussian</TopModelName>", $"<TopModelName>{top}</TopModelName>", StringComparison.Ordinal);

    private static void CopyTextReport(TemporaryDirectory folder) =>
        File.Copy(Fixture("hand-built/vitis-hls-2024.2/quasar_gemm_csynth.rpt"), folder.File($"{Top}_csynth.rpt"));

    [Test]
    public void The_top_function_s_report_is_chosen_among_the_per_module_reports()
    {
        using var folder = new TemporaryDirectory();
        var top = File.ReadAllText(Fixture("gaussian-2020.2/csynth.xml"));
        File.WriteAllText(folder.File("csynth.xml"), top);
        File.WriteAllText(folder.File("gaussian_Pipeline_buf_csynth.xml"), XmlOf("gaussian_Pipeline_buf"));
        File.WriteAllText(folder.File("notes.xml"), "<notes/>");

        Assert.That(CsynthReportLocator.FindTop(folder.Path, "gaussian").TopModel, Is.EqualTo("gaussian"));
        Assert.That(CsynthReportLocator.FindTop(folder.Path, "gaussian_Pipeline_buf").TopModel, Is.EqualTo("gaussian_Pipeline_buf"));
        var error = Assert.Throws<InvalidDataException>(() => CsynthReportLocator.FindTop(folder.Path, Top))!;
        Assert.That(error.Message, Is.EqualTo($"{folder.Path}: no csynth report of the top function 'quasar_gemm': quasar_gemm_csynth.xml is missing and quasar_gemm_csynth.rpt is missing (reports of: gaussian, gaussian_Pipeline_buf); synthesize the project's top"));
    }

    [Test]
    public void The_xml_report_is_preferred_to_the_text_report()
    {
        using var folder = new TemporaryDirectory();
        File.WriteAllText(folder.File($"{Top}_csynth.xml"), XmlOf(Top));
        CopyTextReport(folder);

        var report = CsynthReportLocator.FindTop(folder.Path, Top);

        Assert.That((report.EstimatedClockPeriodNs, report.Loops.Count), Is.EqualTo(((double?)6.427, 4)), "the XML's figures and loops");
    }

    [Test]
    public void Without_an_xml_report_the_text_report_is_read()
    {
        using var folder = new TemporaryDirectory();
        CopyTextReport(folder);

        var report = CsynthReportLocator.FindTop(folder.Path, Top);

        Assert.That((report.TopModel, report.EstimatedClockPeriodNs, report.WorstCaseLatency), Is.EqualTo((Top, (double?)7.104, (long?)183040)));
    }

    [Test]
    public void An_unreadable_xml_report_falls_back_to_the_text_report()
    {
        using var folder = new TemporaryDirectory();
        var xml = XmlOf(Top);
        File.WriteAllText(folder.File($"{Top}_csynth.xml"), xml[..(xml.Length / 2)]);
        CopyTextReport(folder);

        Assert.That(CsynthReportLocator.FindTop(folder.Path, Top).EstimatedClockPeriodNs, Is.EqualTo(7.104));
    }

    [Test]
    public void A_folder_with_neither_report_is_an_error_naming_the_folder_and_both_files()
    {
        using var folder = new TemporaryDirectory();

        var error = Assert.Throws<InvalidDataException>(() => CsynthReportLocator.FindTop(folder.Path, Top))!;

        Assert.That(error.Message, Is.EqualTo($"{folder.Path}: holds no csynth report of 'quasar_gemm': quasar_gemm_csynth.xml is missing and quasar_gemm_csynth.rpt is missing; run the synthesis first"));
    }

    [Test]
    public void An_unreadable_xml_report_without_a_text_report_is_an_error_saying_why_the_xml_failed()
    {
        using var folder = new TemporaryDirectory();
        File.WriteAllText(folder.File($"{Top}_csynth.xml"), "<project/>");

        var error = Assert.Throws<InvalidDataException>(() => CsynthReportLocator.FindTop(folder.Path, Top))!;

        Assert.That(error.Message, Is.EqualTo($"{folder.Path}: holds no csynth report of 'quasar_gemm': quasar_gemm_csynth.xml is unreadable ({folder.File("quasar_gemm_csynth.xml")} is not a csynth report: the root is <project>, not <profile>) and quasar_gemm_csynth.rpt is missing; run the synthesis first"));
    }

    [Test]
    public void A_text_report_of_another_function_is_not_taken_for_the_top_s()
    {
        using var folder = new TemporaryDirectory();
        File.WriteAllLines(folder.File($"{Top}_csynth.rpt"), File.ReadAllLines(Fixture("hand-built/vitis-hls-2024.2/quasar_gemm_csynth.rpt"))
            .Select(l => l.Replace("Report for 'quasar_gemm'", "Report for 'compute'", StringComparison.Ordinal)));

        var error = Assert.Throws<InvalidDataException>(() => CsynthReportLocator.FindTop(folder.Path, Top))!;

        Assert.That(error.Message, Is.EqualTo($"{folder.File("quasar_gemm_csynth.rpt")}: the report of 'compute', not of the top function 'quasar_gemm'"));
    }
}
