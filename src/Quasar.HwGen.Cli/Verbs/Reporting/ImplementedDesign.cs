using Quasar.HwGen.Vitis.Reports;

namespace Quasar.HwGen.Cli.Verbs.Reporting;

/// <summary>
/// What Vivado implemented after `quasar link`: the whole design's utilization (kernel and platform shell) and its
/// timing summary, each with the file it came from; null where v++ left no such report.
/// </summary>
internal sealed record ImplementedDesign(UtilizationReport? Utilization, string? UtilizationPath, TimingSummary? Timing, string? TimingPath)
{
    public static ImplementedDesign None { get; } = new(null, null, null, null);

    /// <summary>
    /// The first utilization and timing reports under the project's folder (v++'s <c>_x</c> when linked from there) or
    /// a <c>build/&lt;target&gt;</c> folder. A report of another device than <paramref name="part"/> is refused: its
    /// figures are not of this project's design.
    /// </summary>
    public static ImplementedDesign Find(string projectRoot, string part)
    {
        var build = Path.Combine(projectRoot, "build");
        var places = new[] { projectRoot, build }
            .Concat(Directory.Exists(build) ? Directory.GetDirectories(build).Order(StringComparer.Ordinal) : []);
        var found = places.Select(place => ImplementationReports.Find(place)).ToList();
        var utilizationPath = found.Select(f => f.Utilization).FirstOrDefault(p => p is not null);
        var timingPath = found.Select(f => f.TimingSummary).FirstOrDefault(p => p is not null);
        var utilization = utilizationPath is null ? null : UtilizationReportParser.Load(utilizationPath);
        var timing = timingPath is null ? null : TimingSummaryParser.Load(timingPath);
        if (utilization is not null) CheckDevice(utilization.Device, utilizationPath!, part);
        if (timing is not null) CheckDevice(timing.Device, timingPath!, part);
        return new ImplementedDesign(utilization, utilizationPath, timing, timingPath);
    }

    /// <summary>
    /// Vivado spells the device with or without dashes and the timing report leaves out the speed grade
    /// (<c>xczu9eg-ffvb1156</c>), so the device must be the part's beginning once dashes are dropped.
    /// </summary>
    private static void CheckDevice(string? device, string path, string part)
    {
        if (device is null) return;
        static string Bare(string s) => s.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
        if (!Bare(part).StartsWith(Bare(device), StringComparison.Ordinal))
            throw new InvalidDataException($"{path}: implemented for device {device}, not the project's {part} (quasar-project.json platform.part); link the project for its own part, or remove the stale build folder");
    }
}
