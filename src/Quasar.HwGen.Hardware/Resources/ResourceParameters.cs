using Quasar.HwGen.Hardware.Constants;

namespace Quasar.HwGen.Hardware.Resources;

/// <summary>
/// The resource model's adjustable numbers: the estimates of <see cref="ModelConstants"/> as defaults, which a
/// calibration against csynth reports replaces (docs/calibration.md). The counted widths, the paper's unit LUTs and the
/// datasheet figures stay fixed.
/// </summary>
public sealed record ResourceParameters(
    double LutUnitFfs = ModelConstants.LutUnitFfs,
    double DspUnitFfs = ModelConstants.DspUnitFfs,
    double OutputLaneLuts = ModelConstants.OutputLaneLuts,
    double OutputLaneFfs = ModelConstants.OutputLaneFfs,
    double ControlLuts = ModelConstants.ControlLuts,
    double ControlFfs = ModelConstants.ControlFfs,
    double AxiMasterLuts = ModelConstants.AxiMasterLuts,
    double AxiMasterFfs = ModelConstants.AxiMasterFfs,
    double ControlPortLuts = ModelConstants.ControlPortLuts,
    double ControlPortFfs = ModelConstants.ControlPortFfs,
    double PlatformShellLuts = ModelConstants.PlatformShellLuts,
    double PlatformShellFfs = ModelConstants.PlatformShellFfs)
{
    public static ResourceParameters Default { get; } = new();

    /// <summary>Throws <see cref="ArgumentException"/> naming every cost that is negative or not a number.</summary>
    public void Validate()
    {
        var bad = new (string Name, double Value)[]
        {
            (nameof(LutUnitFfs), LutUnitFfs), (nameof(DspUnitFfs), DspUnitFfs), (nameof(OutputLaneLuts), OutputLaneLuts),
            (nameof(OutputLaneFfs), OutputLaneFfs), (nameof(ControlLuts), ControlLuts), (nameof(ControlFfs), ControlFfs),
            (nameof(AxiMasterLuts), AxiMasterLuts), (nameof(AxiMasterFfs), AxiMasterFfs), (nameof(ControlPortLuts), ControlPortLuts),
            (nameof(ControlPortFfs), ControlPortFfs), (nameof(PlatformShellLuts), PlatformShellLuts), (nameof(PlatformShellFfs), PlatformShellFfs),
        }.Where(p => !(p.Value >= 0) || double.IsInfinity(p.Value)).Select(p => $"{p.Name} {p.Value}").ToList();
        if (bad.Count > 0) throw new ArgumentException($"resource costs must be finite and at least 0: {string.Join(", ", bad)}");
    }
}
