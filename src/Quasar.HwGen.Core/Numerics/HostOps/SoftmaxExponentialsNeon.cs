using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;

namespace Quasar.HwGen.Core.Numerics.HostOps;

/// <summary>
/// Softmax's exponentials 4 lanes at a time on arm64 (the ZCU102's Cortex-A53): each table of
/// <see cref="SoftmaxExponential"/> is held in NEON registers as bytes and read with <c>tbl</c>/<c>tbx</c> over four
/// registers (16 floats) at a time, so a lookup needs no memory access. The same bits as
/// <see cref="SoftmaxExponential.Evaluate"/>; checked against x64 by the arm64 tests (logits of whole models).
/// </summary>
internal static class SoftmaxExponentialsNeon
{
    public static bool IsSupported => AdvSimd.Arm64.IsSupported;

    /// <summary>e[i] for whole groups of 8, adding them to the 8 lanes of <see cref="LaneSum"/>; returns the count done.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Apply(ReadOnlySpan<short> q, int rowMax, SoftmaxExponential exponential, Span<float> e, Span<float> lanes)
    {
        ref short scores = ref MemoryMarshal.GetReference(q);
        ref float target = ref MemoryMarshal.GetReference(e);
        var low = new Table(exponential.Low);
        var middle = new Table(exponential.Middle);
        var high = new Table(exponential.High);
        var max = Vector128.Create(rowMax);
        var horizon = Vector128.Create(exponential.Horizon);
        Vector128<float> sumLow = Vector128<float>.Zero, sumHigh = Vector128<float>.Zero;
        int i = 0;
        for (; i <= q.Length - LaneSum.Lanes; i += LaneSum.Lanes)
        {
            var group = Vector128.LoadUnsafe(ref scores, (nuint)i);
            var first = Evaluate(max - Vector128.WidenLower(group), horizon, low, middle, high);
            var second = Evaluate(max - Vector128.WidenUpper(group), horizon, low, middle, high);
            first.StoreUnsafe(ref target, (nuint)i);
            second.StoreUnsafe(ref target, (nuint)i + 4);
            sumLow += first;
            sumHigh += second;
        }
        sumLow.StoreUnsafe(ref lanes[0]);
        sumHigh.StoreUnsafe(ref lanes[0], 4);
        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Evaluate(Vector128<int> distance, Vector128<int> horizon, in Table low, in Table middle, in Table high)
    {
        var clamped = Vector128.Min(distance, horizon);
        var product = (high.Lookup(clamped >>> (SoftmaxExponential.LowBits + SoftmaxExponential.MiddleBits))
            * middle.Lookup((clamped >>> SoftmaxExponential.LowBits) & Vector128.Create(31)))
            * low.Lookup(clamped & Vector128.Create(31));
        return Vector128.ConditionalSelect(Vector128.GreaterThan(distance, horizon).AsSingle(),
            Vector128.Create(SoftmaxExponential.FloorBits).AsSingle(), product);
    }

    /// <summary>A table of 32 or 64 floats as groups of four 16-byte registers, one <c>tbl</c>/<c>tbx</c> per group.</summary>
    private readonly struct Table
    {
        private readonly (Vector128<byte>, Vector128<byte>, Vector128<byte>, Vector128<byte>)[] _groups;

        public Table(float[] values)
        {
            var bytes = MemoryMarshal.AsBytes(values.AsSpan());
            _groups = new (Vector128<byte>, Vector128<byte>, Vector128<byte>, Vector128<byte>)[bytes.Length / 64];
            for (int g = 0; g < _groups.Length; g++)
            {
                var group = bytes.Slice(g * 64, 64);
                _groups[g] = (Vector128.Create(group[..16]), Vector128.Create(group[16..32]), Vector128.Create(group[32..48]), Vector128.Create(group[48..]));
            }
        }

        /// <summary>
        /// The entries at <paramref name="index"/> (each below the table's length): the bytes 4j … 4j + 3 of entry j,
        /// looked up 64 bytes at a time; a byte index beyond a group leaves the lane to the other groups.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector128<float> Lookup(Vector128<int> index)
        {
            var bytes = (index.AsUInt32() * 0x04040404u + Vector128.Create(0x03020100u)).AsByte();
            var result = AdvSimd.Arm64.VectorTableLookup(_groups[0], bytes);
            for (int g = 1; g < _groups.Length; g++)
                result = AdvSimd.Arm64.VectorTableLookupExtension(result, _groups[g], bytes - Vector128.Create((byte)(64 * g)));
            return result.AsSingle();
        }
    }
}
