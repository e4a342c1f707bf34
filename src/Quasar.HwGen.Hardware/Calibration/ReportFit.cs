using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Hardware.Resources;

namespace Quasar.HwGen.Hardware.Calibration;

/// <summary>
/// The result of <see cref="ReportCalibration.Fit"/>: the calibrated resource costs and η (null when no cosim report
/// identified it), each fitted constant with its default, what could not be fitted and why, and every report's
/// figures under the calibrated model.
/// </summary>
public sealed record ReportFit(
    ResourceParameters Resources,
    double? ArrayEfficiency,
    IReadOnlyList<CalibratedConstant> Constants,
    IReadOnlyList<string> NotFitted,
    IReadOnlyList<CalibrationResidual> Residuals);
