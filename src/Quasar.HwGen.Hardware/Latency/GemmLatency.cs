namespace Quasar.HwGen.Hardware.Latency;

/// <summary>
/// Cycles of one GEMM (one kernel call) on the engine: <see cref="ComputeCycles"/> while the array or the output stage
/// sets the pace, <see cref="TransferCycles"/> the rest (a reader, the writer, weight words, the input buffer fill,
/// memory latency, the DDR).
/// </summary>
public readonly record struct GemmLatency(double ComputeCycles, double TransferCycles)
{
    public double Cycles => ComputeCycles + TransferCycles;
}
