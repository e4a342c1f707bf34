using Quasar.HwGen.Vitis.Reports;

namespace Quasar.HwGen.Tests.Vitis;

/// <summary>Where a v++ link's implementation reports are found, in both layouts v++ writes.</summary>
[TestFixture]
public sealed class ImplementationReportsTests
{
    private const string Copies = "_x/reports/link/imp";
    private const string Run = "_x/link/vivado/vpl/prj/prj.runs/impl_1";

    private static string Fixture(string path) => Path.Combine(TestPaths.VitisReports, "hand-built", path);

    /// <summary>Creates <paramref name="relative"/> under the folder, holding a copy of a hand-built report.</summary>
    private static string Place(TemporaryDirectory folder, string relative, string fixture = "vivado-2023.2-zynquplus/impl_1_full_util_routed.rpt")
    {
        var path = Path.Combine(folder.Path, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(Fixture(fixture), path);
        return path;
    }

    [Test]
    public void V_plus_plus_s_copies_under_reports_link_imp_are_found_and_read()
    {
        using var build = new TemporaryDirectory();
        var utilization = Place(build, $"{Copies}/impl_1_full_util_routed.rpt");
        Place(build, $"{Copies}/impl_1_kernel_util_routed.rpt", "vivado-2018.3-7series/system_wrapper_utilization_placed.rpt");
        var timing = Place(build, $"{Copies}/impl_1_xilinx_zcu102_base_wrapper_timing_summary_routed.rpt",
            "vivado-2023.2-zynquplus/impl_1_xilinx_zcu102_base_wrapper_timing_summary_routed.rpt");

        var found = ImplementationReports.Find(build.Path);

        Assert.That((found.Utilization, found.TimingSummary), Is.EqualTo((utilization, timing)), "the kernel table is not the design's utilization");
        Assert.That(UtilizationReportParser.Load(found.Utilization!).Used.Dsp, Is.EqualTo(518));
        Assert.That(TimingSummaryParser.Load(found.TimingSummary!).Met, Is.True);
    }

    [Test]
    public void The_vivado_run_folder_is_searched_when_there_are_no_copies()
    {
        using var build = new TemporaryDirectory();
        var utilization = Place(build, $"{Run}/xilinx_zcu102_base_wrapper_utilization_placed.rpt");
        var timing = Place(build, $"{Run}/xilinx_zcu102_base_wrapper_timing_summary_routed.rpt");

        var found = ImplementationReports.Find(build.Path);

        Assert.That((found.Utilization, found.TimingSummary), Is.EqualTo((utilization, timing)));
    }

    [Test]
    public void A_stale_copy_gives_way_to_a_fresh_report_in_the_run_folder()
    {
        using var build = new TemporaryDirectory();
        var start = DateTime.UtcNow;
        var stale = Place(build, $"{Copies}/impl_1_full_util_routed.rpt");
        File.SetLastWriteTimeUtc(stale, start.AddHours(-1));
        var fresh = Place(build, $"{Run}/full_util_routed.rpt");
        File.SetLastWriteTimeUtc(fresh, start.AddSeconds(1));

        Assert.That(ImplementationReports.Find(build.Path, start).Utilization, Is.EqualTo(fresh));
        Assert.That(ImplementationReports.Find(build.Path).Utilization, Is.EqualTo(stale), "without a start time the copies come first");
        File.SetLastWriteTimeUtc(fresh, start.AddHours(-1));
        Assert.That(ImplementationReports.Find(build.Path, start).Utilization, Is.Null, "nothing of this run");
    }

    [Test]
    public void The_copies_are_preferred_to_the_run_folder()
    {
        using var build = new TemporaryDirectory();
        var copy = Place(build, $"{Copies}/impl_1_full_util_routed.rpt");
        Place(build, $"{Run}/full_util_routed.rpt");

        Assert.That(ImplementationReports.Find(build.Path).Utilization, Is.EqualTo(copy));
    }

    [Test]
    public void Routed_utilization_is_preferred_to_placed_and_physically_optimised_timing_to_routed()
    {
        using var build = new TemporaryDirectory();
        Place(build, $"{Copies}/impl_1_full_util_placed.rpt");
        var routed = Place(build, $"{Copies}/impl_1_full_util_routed.rpt");
        Place(build, $"{Copies}/impl_1_hw_bb_locked_timing_summary_routed.rpt");
        var physopted = Place(build, $"{Copies}/impl_1_hw_bb_locked_timing_summary_postroute_physopted.rpt");

        var found = ImplementationReports.Find(build.Path);

        Assert.That((found.Utilization, found.TimingSummary), Is.EqualTo((routed, physopted)));
    }

    [Test]
    public void A_temporary_directory_given_directly_or_named_after_target_and_platform_is_searched()
    {
        using var build = new TemporaryDirectory();
        var named = Place(build, "_x.hw.xilinx_zcu102_base_202320_1/reports/link/imp/impl_1_full_util_routed.rpt");

        Assert.That(ImplementationReports.Find(build.Path).Utilization, Is.EqualTo(named));
        Assert.That(ImplementationReports.Find(Path.Combine(build.Path, "_x.hw.xilinx_zcu102_base_202320_1")).Utilization, Is.EqualTo(named));
    }

    [Test]
    public void Placed_timing_is_not_taken_and_a_build_without_reports_says_where_it_looked()
    {
        using var build = new TemporaryDirectory();
        Place(build, $"{Run}/hw_bb_locked_timing_summary_placed.rpt");

        var found = ImplementationReports.Find(build.Path);

        Assert.That((found.Utilization, found.TimingSummary), Is.EqualTo(((string?)null, (string?)null)));
        Assert.That(found.SearchedFolders, Is.EqualTo(new[]
        {
            Path.Combine(build.Path, "reports", "link", "imp"),
            Path.Combine(build.Path, "link", "vivado", "vpl", "prj", "prj.runs", "impl_1"),
            Path.Combine(build.Path, "_x", "reports", "link", "imp"),
            Path.Combine(build.Path, "_x", "link", "vivado", "vpl", "prj", "prj.runs", "impl_1"),
        }));
    }
}
