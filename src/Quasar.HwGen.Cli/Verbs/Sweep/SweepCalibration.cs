using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Core.IO;

namespace Quasar.HwGen.Cli.Verbs.Sweep;

/// <summary>
/// Feeds `quasar calibrate` from the designs a sweep finished: the same search for reports, the same fit, the same
/// printout, written to the sweep's calibration.yaml (the sweep's own file, rewritten after every collection).
/// </summary>
internal static class SweepCalibration
{
    public static string Write(SweepLayout layout, IReadOnlyList<DesignOutcome> done)
    {
        var found = CalibrationReports.Find([.. done.Select(d => layout.Project(d.Task.Design.Name))], null);
        var (fit, file) = CalibrateCommand.Fit(found);
        AtomicFile.WriteAllText(layout.Calibration, ConfigWriter.ToYaml(file));
        return CalibrateCommand.Describe(found, fit, file);
    }
}
