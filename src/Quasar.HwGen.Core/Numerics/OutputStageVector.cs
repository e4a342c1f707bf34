using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Quasar.HwGen.Core.Numerics;

/// <summary>
/// The output-stage formula eight accumulators at a time in 64-bit lanes (AVX-512F): sign-extend, add the bias,
/// <c>vpmuldq</c> by the multiplier (exact: both operands are sign-extended int32), add <c>2^(S−1)</c>,
/// <c>vpsravq</c> by S, clamp, narrow. Bit-identical to <see cref="OutputStage.Requantize"/>.
/// </summary>
internal static class OutputStageVector
{
    private const int Lanes = 8;

    public static bool IsSupported => Avx512F.VL.IsSupported;

    /// <summary>Per-row constants widened to 64-bit lanes once per stage.</summary>
    internal sealed class Parameters
    {
        public Parameters(int[] multipliers, int[] shifts, int[] bias)
        {
            Bias = bias;
            Multipliers = multipliers.Select(m => (long)m).ToArray();
            Rounding = shifts.Select(s => 1L << (s - 1)).ToArray();
            Shifts = shifts.Select(s => (ulong)s).ToArray();
        }

        public int[] Bias { get; }

        public long[] Multipliers { get; }

        public long[] Rounding { get; }

        public ulong[] Shifts { get; }

        public bool PerTensor => Bias.Length == 1;
    }

    /// <summary>Applies whole groups of eight from the start of the row; returns where the scalar tail begins.</summary>
    public static int Apply<TOut>(ReadOnlySpan<int> acc, Span<TOut> output, Parameters parameters, int outputMin, int outputMax)
        where TOut : unmanaged, IBinaryInteger<TOut>
    {
        if (!IsSupported || acc.Length < Lanes || (typeof(TOut) != typeof(sbyte) && typeof(TOut) != typeof(short))) return 0;
        var min = Vector512.Create((long)outputMin);
        var max = Vector512.Create((long)outputMax);
        ref int source = ref MemoryMarshal.GetReference(acc);
        ref TOut target = ref MemoryMarshal.GetReference(output);
        bool perTensor = parameters.PerTensor;
        ref int bias = ref MemoryMarshal.GetArrayDataReference(parameters.Bias);
        ref long multiplier = ref MemoryMarshal.GetArrayDataReference(parameters.Multipliers);
        ref long rounding = ref MemoryMarshal.GetArrayDataReference(parameters.Rounding);
        ref ulong shift = ref MemoryMarshal.GetArrayDataReference(parameters.Shifts);
        var b = Vector256.Create(bias);
        var m = Vector512.Create(multiplier);
        var h = Vector512.Create(rounding);
        var s = Vector512.Create(shift);
        int i = 0;
        for (; i <= acc.Length - Lanes; i += Lanes)
        {
            if (!perTensor)
            {
                b = Vector256.LoadUnsafe(ref bias, (nuint)i);
                m = Vector512.LoadUnsafe(ref multiplier, (nuint)i);
                h = Vector512.LoadUnsafe(ref rounding, (nuint)i);
                s = Vector512.LoadUnsafe(ref shift, (nuint)i);
            }
            var v = Avx512F.ConvertToVector512Int64(Vector256.LoadUnsafe(ref source, (nuint)i) + b);
            var p = Avx512F.Multiply(v.AsInt32(), m.AsInt32());
            var y = Avx512F.ShiftRightArithmeticVariable(p + h, s);
            var clamped = Avx512F.ConvertToVector256Int32(Avx512F.Min(Avx512F.Max(y, min), max));
            if (typeof(TOut) == typeof(sbyte))
            {
                var bytes = Avx512F.VL.ConvertToVector128SByte(clamped);
                Unsafe.WriteUnaligned(ref Unsafe.As<TOut, byte>(ref Unsafe.Add(ref target, i)), bytes.AsInt64().ToScalar());
            }
            else
            {
                Avx512F.VL.ConvertToVector128Int16(clamped).StoreUnsafe(ref Unsafe.As<TOut, short>(ref Unsafe.Add(ref target, i)));
            }
        }
        return i;
    }
}
