using System.Runtime.InteropServices;
using Quasar.HwGen.Core.Numerics.HostOps;

namespace Quasar.HwGen.Tests.Numerics.HostOps;

/// <summary>The vector widths this CPU runs, each to be compared with the scalar path; and float bits for comparisons.</summary>
internal static class HostSimdCases
{
    public static IEnumerable<HostSimd> Vectors =>
        new[] { HostSimd.Vector128, HostSimd.Vector256, HostSimd.Vector512 }.Where(HostSimdPaths.IsSupported);

    /// <summary>Every path, the scalar one first.</summary>
    public static IEnumerable<HostSimd> All => Vectors.Prepend(HostSimd.Scalar);

    /// <summary>
    /// The bit patterns, so that −0 ≠ +0 in comparisons; every NaN as one pattern (the contract leaves a NaN's sign and
    /// payload open: x64 and arm64 make different default NaNs).
    /// </summary>
    public static int[] Bits(ReadOnlySpan<float> values) =>
        MemoryMarshal.Cast<float, int>(values).ToArray().Select(b => float.IsNaN(BitConverter.Int32BitsToSingle(b)) ? CanonicalNaN : b).ToArray();

    public static int Bits(float value) => float.IsNaN(value) ? CanonicalNaN : BitConverter.SingleToInt32Bits(value);

    private const int CanonicalNaN = 0x7FC00000;
}
