namespace Quasar.HwGen.Hardware.Calibration;

/// <summary>The fitted array efficiency and host cost scale, and the summed squared log-residual of the fitted anchors.</summary>
public sealed record CalibrationFit(double ArrayEfficiency, double HostCostScale, double SquaredLogError);
