namespace Quasar.HwGen.Vitis.Csim;

/// <summary>What the testbench printed about itself: the PASS count, the first mismatch, the first kernel error status.</summary>
public sealed record TestbenchVerdict(int? PassedCalls, CsimMismatch? Mismatch, KernelStatusReport? KernelStatus)
{
    public static TestbenchVerdict None { get; } = new(null, null, null);
}
