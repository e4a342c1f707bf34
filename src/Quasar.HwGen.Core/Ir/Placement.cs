namespace Quasar.HwGen.Core.Ir;

/// <summary>Where an op executes: the GEMM engine on the FPGA, or the ARM host (as in the paper).</summary>
public enum Placement
{
    Fpga,
    Host,
}
