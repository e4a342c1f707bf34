namespace Quasar.HwGen.Hardware.Latency;

/// <summary>
/// Cycles of one GEMM on the engine: <see cref="ComputeCycles"/> while the array (or the output stage) sets the pace,
/// <see cref="TransferCycles"/> while it waits for DDR (transfers not hidden by double buffering).
/// </summary>
public readonly record struct GemmLatency(double ComputeCycles, double TransferCycles)
{
    public double Cycles => ComputeCycles + TransferCycles;
}
