namespace Quasar.HwGen.Vitis.Reports;

/// <summary>FPGA resources of a csynth report (<c>AreaEstimates/Resources</c> or <c>AvailableResources</c>).</summary>
/// <param name="Dsp">From <c>&lt;DSP&gt;</c> (newer releases) or <c>&lt;DSP48E&gt;</c> (older ones).</param>
public sealed record ResourceUsage(int Bram18K, int Dsp, int Ff, int Lut, int Uram);
