namespace Quasar.HwGen.Vitis.Reports;

/// <summary>
/// Finds the utilization and timing summary reports that <c>v++ -l</c> leaves after implementation, given its
/// temporary directory (<c>--temp_dir</c>, <c>_x</c> by default) or the build directory holding it (<c>_x</c>, or
/// <c>_x.&lt;target&gt;.&lt;platform&gt;</c> as the Vitis examples name it). Two folders hold them:
/// <list type="bullet">
/// <item><c>reports/link/imp/</c>: v++'s copies, prefixed <c>impl_1_</c> (<c>impl_1_full_util_routed.rpt</c>,
/// <c>impl_1_&lt;design&gt;_timing_summary_routed.rpt</c>); seen in public builds for platforms of 2019.2 (u280),
/// 2021.1 (vck190, embedded: <c>xilinx_vck190_base_wrapper</c>), 2022.1 (u250, u280: <c>hw_bb_locked</c>) and of
/// Vitis Unified 2023.2 and later (<c>vitis_design_wrapper</c>);</item>
/// <item><c>link/vivado/vpl/prj/prj.runs/impl_1/</c>: the Vivado run itself, unprefixed (<c>full_util_routed.rpt</c>,
/// <c>&lt;design&gt;_timing_summary_routed.rpt</c>, Vivado's own <c>&lt;design&gt;_utilization_placed.rpt</c>); seen in
/// 2022.1 (u55c) and 2023.2 (xczu7ev) builds.</item>
/// </list>
/// Whether some release writes only one of the two is not known, so both are searched, the copies first.
/// Utilization: the whole design routed (<c>*full_util_routed.rpt</c>), then placed (<c>*full_util_placed.rpt</c>,
/// then <c>*_utilization_placed.rpt</c>); <c>impl_1_kernel_util_*.rpt</c> is v++'s per-kernel table, another format,
/// and is not taken. Timing: after post-route physical optimisation (<c>*_timing_summary_postroute_physopted.rpt</c>,
/// the design's last state) before routed (<c>*_timing_summary_routed.rpt</c>); placed timing is not final and is
/// not taken. Several files of one pattern in one folder: the first in ordinal order. Files written before
/// <c>notBefore</c> (an earlier run's) are skipped before choosing, so a fresh report in the second folder wins over a
/// stale one in the first.
/// Not confirmed: the names a ZCU102 base platform build writes (assumed to follow the vck190's
/// <c>&lt;platform&gt;_wrapper</c> pattern), and which releases write <c>full_util_routed.rpt</c> for embedded
/// platforms (its placed and synthesized siblings were seen for 2023.2).
/// </summary>
public static class ImplementationReports
{
    private static readonly string[] UtilizationPatterns = ["*full_util_routed.rpt", "*full_util_placed.rpt", "*_utilization_placed.rpt"];
    private static readonly string[] TimingPatterns = ["*_timing_summary_postroute_physopted.rpt", "*_timing_summary_routed.rpt"];

    public static ImplementationReportFiles Find(string buildDirectory, DateTime? notBefore = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(buildDirectory);
        var temporaryDirectories = Directory.Exists(buildDirectory)
            ? Directory.GetDirectories(buildDirectory, "_x*").Order(StringComparer.Ordinal).ToList()
            : [];
        var folders = temporaryDirectories.Prepend(buildDirectory)
            .SelectMany(temp => new[] { Path.Combine(temp, "reports", "link", "imp"), Path.Combine(temp, "link", "vivado", "vpl", "prj", "prj.runs", "impl_1") })
            .ToList();
        bool fresh(string file) => notBefore is not { } start || File.GetLastWriteTimeUtc(file) >= start;
        return new ImplementationReportFiles(First(folders, UtilizationPatterns, fresh), First(folders, TimingPatterns, fresh), folders);
    }

    /// <summary>The first fresh file of the first pattern that matches in a folder, folder by folder.</summary>
    private static string? First(IEnumerable<string> folders, string[] patterns, Func<string, bool> fresh) =>
        folders.Where(Directory.Exists)
            .Select(folder => patterns.Select(p => Directory.GetFiles(folder, p).Where(fresh).Order(StringComparer.Ordinal).FirstOrDefault())
                .FirstOrDefault(f => f is not null))
            .FirstOrDefault(f => f is not null);
}
