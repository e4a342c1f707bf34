using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Quasar.HwGen.Core.Numerics;

/// <summary>
/// Prepares the activations for the vector kernels: each 6-bit value plus 32 as an unsigned byte ([0, 63]), rows
/// padded to <c>paddedK</c> bytes and the row count padded with zero rows. Refuses values outside the 6-bit range,
/// for which the unsigned trick would be wrong.
/// </summary>
internal static class ActivationPacker
{
    public static void Pack(ReadOnlySpan<sbyte> x, int m, int k, int paddedK, Span<byte> packed)
    {
        packed.Clear();
        var offset = Vector256.Create((sbyte)PackedWeights.ActivationOffset);
        var limit = Vector256.Create((byte)(QuantFormats.ActivationMax + PackedWeights.ActivationOffset));
        for (int t = 0; t < m; t++)
        {
            var source = x.Slice(t * k, k);
            var target = packed.Slice(t * paddedK, k);
            int j = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                ref var sourceStart = ref MemoryMarshal.GetReference(source);
                ref var targetStart = ref MemoryMarshal.GetReference(target);
                for (; j <= k - Vector256<sbyte>.Count; j += Vector256<sbyte>.Count)
                {
                    var shifted = (Vector256.LoadUnsafe(ref sourceStart, (nuint)j) + offset).AsByte();
                    if (Vector256.GreaterThanAny(shifted, limit)) break; // the scalar loop names the culprit
                    shifted.StoreUnsafe(ref targetStart, (nuint)j);
                }
            }
            for (; j < k; j++)
            {
                if (!QuantFormats.IsActivation(source[j])) throw OutOfRange(source[j], t, j);
                target[j] = (byte)(source[j] + PackedWeights.ActivationOffset);
            }
        }
    }

    public static ArgumentOutOfRangeException OutOfRange(sbyte value, int row, int column) =>
        new("x", value, $"activation [{row}, {column}] is outside the 6-bit range [{QuantFormats.ActivationMin}, {QuantFormats.ActivationMax}]");
}
