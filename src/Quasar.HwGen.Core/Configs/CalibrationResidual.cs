namespace Quasar.HwGen.Core.Configs;

/// <summary>One figure of one report after the fit: what the calibrated model gives and what the report says.</summary>
/// <param name="Report">The report (or its project) the figure is from.</param>
/// <param name="Figure">lut, ff, dsp, bram_18k or cosim_latency_cycles (the calls' average).</param>
public sealed record CalibrationResidual(string Report, string Figure, double Model, double Reported)
{
    /// <summary>(model − reported) / reported, in percent; 0 when both are 0, null when only the report's is.</summary>
    public double? Percent => Reported != 0 ? 100 * (Model - Reported) / Reported : Model == 0 ? 0 : null;
}
