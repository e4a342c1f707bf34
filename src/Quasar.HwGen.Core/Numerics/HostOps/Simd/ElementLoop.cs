using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Quasar.HwGen.Core.Numerics.HostOps.Simd;

/// <summary>
/// Runs an <see cref="IElementMap"/> over an output span: whole vectors of the chosen width, then the rest with the
/// scalar form. Either writes the floats, or quantizes them on the way (docs/numerics.md §6.3); a quantizing loop ends
/// with one vector that overlaps the one before instead of scalar code (its output never aliases its float input,
/// which a float output may).
/// </summary>
internal static class ElementLoop
{
    /// <summary>output[i] = map(i).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ToFloat<TMap>(ref TMap map, Span<float> output, HostSimd resolved)
        where TMap : IElementMap, allows ref struct
    {
        int i = resolved switch
        {
            HostSimd.Vector128 => ToFloat<TMap, HostVector128>(ref map, output),
            HostSimd.Vector256 => ToFloat<TMap, HostVector256>(ref map, output),
            HostSimd.Vector512 => ToFloat<TMap, HostVector512>(ref map, output),
            _ => 0,
        };
        for (; i < output.Length; i++) output[i] = map.Scalar(i);
    }

    /// <summary>
    /// output[i] = clamp(round_even(map(i) · (1 / step)), min, max); a NaN throws, naming element
    /// <paramref name="firstIndex"/> + i (a vector with a NaN lane hands over to the scalar loop, which finds it).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Quantize<TMap>(ref TMap map, float step, int min, int max, Span<sbyte> output, HostSimd resolved, int firstIndex = 0)
        where TMap : IElementMap, allows ref struct
    {
        int i = resolved switch
        {
            HostSimd.Vector128 => Quantize<TMap, HostVector128>(ref map, step, min, max, output),
            HostSimd.Vector256 => Quantize<TMap, HostVector256>(ref map, step, min, max, output),
            HostSimd.Vector512 => Quantize<TMap, HostVector512>(ref map, step, min, max, output),
            _ => 0,
        };
        float reciprocal = Quantizer.Reciprocal(step);
        for (; i < output.Length; i++) output[i] = Quantizer.Quantize(map.Scalar(i), reciprocal, min, max, firstIndex + i);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int ToFloat<TMap, TVector>(ref TMap map, Span<float> output)
        where TMap : IElementMap, allows ref struct
        where TVector : struct, IHostVector<TVector>
    {
        ref float target = ref MemoryMarshal.GetReference(output);
        int i = 0;
        for (; i <= output.Length - TVector.Count; i += TVector.Count) map.Vector<TVector>(i).Store(ref target, (nuint)i);
        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Quantize<TMap, TVector>(ref TMap map, float step, int min, int max, Span<sbyte> output)
        where TMap : IElementMap, allows ref struct
        where TVector : struct, IHostVector<TVector>
    {
        ref sbyte target = ref MemoryMarshal.GetReference(output);
        var reciprocal = TVector.Create(Quantizer.Reciprocal(step));
        var lower = TVector.Create(min);
        var upper = TVector.Create(max);
        int n = output.Length;
        for (int i = 0; i < n; i += TVector.Count)
        {
            // The last, partial vector is the one ending at n, overlapping its neighbour: the same bits twice.
            int at = Math.Min(i, n - TVector.Count);
            if (at < 0) return 0;
            var q = TVector.RoundToEven(map.Vector<TVector>(at) * reciprocal);
            if (!TMap.NeverNaN && q.HasNaN) return i;
            TVector.Min(TVector.Max(q, lower), upper).StoreInt8(ref target, (nuint)at);
        }
        return n;
    }
}
