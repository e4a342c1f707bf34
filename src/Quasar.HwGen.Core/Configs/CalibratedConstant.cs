namespace Quasar.HwGen.Core.Configs;

/// <summary>One constant of the hardware model in a calibration file: its snake_case name, the model's default when it was fitted, and the fitted value.</summary>
public sealed record CalibratedConstant(string Name, double Default, double Fitted);
