using System.Runtime.Intrinsics;

namespace Quasar.HwGen.Core.Numerics;

/// <summary>
/// The one instruction sequence that differs between the 256-bit GEMM paths: each int32 lane of the accumulator
/// gains the dot products of two groups of four unsigned activation bytes with four signed weight bytes.
/// Implemented by structs so the JIT specialises and inlines the shared kernel for each.
/// </summary>
internal interface IDotProduct4
{
    static abstract bool IsSupported { get; }

    /// <summary>acc[i] + Σ_{j&lt;4} x0[4i+j]·w0[4i+j] + Σ_{j&lt;4} x1[4i+j]·w1[4i+j], exact when every x ≤ 63.</summary>
    static abstract Vector256<int> Accumulate(Vector256<int> acc, Vector256<byte> x0, Vector256<sbyte> w0, Vector256<byte> x1, Vector256<sbyte> w1);
}
