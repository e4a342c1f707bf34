namespace Quasar.HwGen.Hardware.Constants;

/// <summary>
/// Pipeline depths of the streaming kernel's loops, as docs/kernel-layout.md §4 declares them (the C++ spells them in
/// <c>engine_shape</c>; its accounting build counts with the same numbers). Every one is an *estimate*: only csynth's
/// schedule gives the real depths. Each entry of a pipelined loop costs its depth once.
/// </summary>
public static class KernelDepths
{
    /// <summary>
    /// Estimate: cycles from an m_axi read request to its first word, the latency Vitis HLS assumes for an m_axi port
    /// when the INTERFACE pragma gives none (its default <c>latency=64</c>).
    /// </summary>
    public const int Axi = 64;

    /// <summary>Estimate: pipeline stages of the array besides its adder tree (operand register, multiply, field extraction, accumulate).</summary>
    public const int ArrayStages = 6;

    /// <summary>Estimate: depth of the output stage (nibble combine, bias add, 32×32 multiply on 4 DSPs, rounding, shift, clamp).</summary>
    public const int Output = 8;

    /// <summary>Estimate: depth of any other pipelined loop (a copy between a stream and a buffer).</summary>
    public const int Loop = 2;

    /// <summary>The array's depth for a TK-lane reduction: ⌈log2 TK⌉ adder-tree levels + <see cref="ArrayStages"/>.</summary>
    public static int Array(int tileReduction) => CeilLog2(tileReduction) + ArrayStages;

    /// <summary>⌈log2 n⌉ for n ≥ 1 (0 for 1).</summary>
    public static int CeilLog2(int n) => n <= 1 ? 0 : 32 - int.LeadingZeroCount(n - 1);
}
