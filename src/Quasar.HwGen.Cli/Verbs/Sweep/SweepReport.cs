using Quasar.HwGen.Cli.Verbs.Reporting;
using Quasar.HwGen.Core.Configs;

namespace Quasar.HwGen.Cli.Verbs.Sweep;

/// <summary>
/// What `quasar report &lt;sweep directory&gt;` shows: every design's outcome, each finished design's synthesized
/// figures beside the hardware model's (the single-project <see cref="DesignReport"/>), and the sweep's calibration
/// (fitted constants and residuals), when there is one.
/// </summary>
internal sealed record SweepReport(SweepLayout Layout, IReadOnlyList<DesignOutcome> Outcomes, IReadOnlyDictionary<string, DesignReport> Designs,
    CalibrationFile? Calibration)
{
    public static SweepReport Build(SweepLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var state = SweepStateFile.Read(layout);
        var outcomes = SweepCollector.CollectAll(layout, state);
        var designs = new Dictionary<string, DesignReport>(StringComparer.Ordinal);
        foreach (var done in outcomes.Where(o => o.IsDone))
        {
            var found = CalibrationReports.Find([layout.Project(done.Task.Design.Name)], null).Single();
            designs[done.Task.Design.Name] = DesignReport.Build(found, ImplementedDesign.Find(found.Root, found.Manifest.Platform.Part), null, null);
        }
        var calibration = File.Exists(layout.Calibration) ? ConfigLoader.LoadCalibration(layout.Calibration) : null;
        return new SweepReport(layout, outcomes, designs, calibration);
    }
}
