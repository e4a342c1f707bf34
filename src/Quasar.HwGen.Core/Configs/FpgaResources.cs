namespace Quasar.HwGen.Core.Configs;

/// <summary>The programmable-logic resources of a part, as csynth and Vivado report them.</summary>
public sealed record FpgaResources(int Dsp, int Lut, int Ff, int Bram18k, int Uram);
