namespace Quasar.HwGen.Core.Configs;

/// <summary>
/// The DDR the FPGA and the host share: its peak bandwidth in GB/s (10⁹ bytes per second) and the fraction of it
/// a streaming GEMM engine sustains.
/// </summary>
public sealed record DdrMemory(double PeakGBPerSecond, double Efficiency)
{
    public double SustainedGBPerSecond => PeakGBPerSecond * Efficiency;

    public double SustainedBytesPerSecond => SustainedGBPerSecond * 1e9;
}
