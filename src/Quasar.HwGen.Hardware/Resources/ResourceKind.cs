namespace Quasar.HwGen.Hardware.Resources;

/// <summary>The programmable-logic resources the model counts.</summary>
public enum ResourceKind
{
    Dsp,
    Lut,
    Ff,
    Bram,
}
