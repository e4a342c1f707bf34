using System.CommandLine;
using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Hardware.Calibration;
using Quasar.HwGen.Hardware.Latency;
using Quasar.HwGen.Hardware.Resources;
using Quasar.HwGen.Vitis.Hls;

namespace Quasar.HwGen.Cli.Verbs;

/// <summary>
/// <c>--calibration &lt;file&gt;</c> of `estimate`, `search` and `generate`: the constants `quasar calibrate` fitted
/// (docs/calibration.md) replace the model's defaults. A file that is malformed, foreign, of another model version, of
/// another top function or of another part than the platform's is a ConfigException naming the file and field (exit 3).
/// </summary>
internal static class CalibrationOption
{
    public static Option<FileInfo?> Create() => new("--calibration")
    {
        Description = "Calibration file written by `quasar calibrate`: use its fitted model constants instead of the defaults (docs/calibration.md)",
    };

    /// <summary>The calibration for <paramref name="platform"/>, or null without one.</summary>
    public static CalibrationFile? Load(FileInfo? file, PlatformConfig platform)
    {
        ArgumentNullException.ThrowIfNull(platform);
        if (file is null) return null;
        return ConfigLoader.LoadCalibration(file.FullName, calibration =>
            [.. CalibrationConstants.Check(calibration), .. Fits(calibration, platform.Name, platform.Part, "use a calibration of that part, or give the platform it was fitted on with --platform")]);
    }

    /// <summary>
    /// The calibration for a generated project, whose manifest names its platform and part but holds no
    /// <see cref="PlatformConfig"/>; null without one.
    /// </summary>
    public static CalibrationFile? LoadForProject(FileInfo? file, string platformName, string part)
    {
        if (file is null) return null;
        return ConfigLoader.LoadCalibration(file.FullName, calibration =>
            [.. CalibrationConstants.Check(calibration), .. Fits(calibration, platformName, part, "use a calibration fitted on the project's part (quasar-project.json platform.part)")]);
    }

    /// <summary>The resource costs of <paramref name="calibration"/>, or the defaults without one.</summary>
    public static ResourceParameters Resources(CalibrationFile? calibration) =>
        calibration is null ? ResourceParameters.Default : CalibrationConstants.Resources(calibration);

    /// <summary><paramref name="latency"/> with the calibrated η, if the file fits one.</summary>
    public static LatencyParameters Latency(CalibrationFile? calibration, LatencyParameters latency) =>
        calibration is null ? latency : CalibrationConstants.Latency(calibration, latency);

    private static IEnumerable<ConfigIssue> Fits(CalibrationFile calibration, string platformName, string part, string otherPartFix)
    {
        if (calibration.TopFunction != HlsReportGate.TopFunction)
            yield return new("top_function", $"'{calibration.TopFunction}' is not {HlsReportGate.TopFunction}, the kernel every generated project synthesizes; calibrate from a generated project's reports");
        if (!string.Equals(calibration.Part, part, StringComparison.OrdinalIgnoreCase))
            yield return new("part", $"'{calibration.Part}' is not the part of the platform '{platformName}' ({part}); {otherPartFix}");
    }
}
