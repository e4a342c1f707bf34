using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Quasar.HwGen.Core.Numerics.HostOps.Simd;

namespace Quasar.HwGen.Core.Numerics.HostOps;

/// <summary>Integer → float32 on the host (docs/numerics.md §6.3): <c>x = q · step</c>, one float32 multiply.</summary>
public static class Dequantizer
{
    public static void Apply(ReadOnlySpan<short> input, float step, Span<float> output, HostSimd simd = HostSimd.Auto)
    {
        HostKernelArguments.RequireSameLength(input.Length, output.Length);
        var map = new FromInt16(input, step);
        ElementLoop.ToFloat(ref map, output, HostSimdPaths.Resolve(simd));
    }

    public static void Apply(ReadOnlySpan<sbyte> input, float step, Span<float> output, HostSimd simd = HostSimd.Auto)
    {
        HostKernelArguments.RequireSameLength(input.Length, output.Length);
        var map = new FromInt8(input, step);
        ElementLoop.ToFloat(ref map, output, HostSimdPaths.Resolve(simd));
    }

    public static float[] Apply(ReadOnlySpan<short> input, float step)
    {
        var output = new float[input.Length];
        Apply(input, step, output);
        return output;
    }

    private readonly ref struct FromInt16(ReadOnlySpan<short> input, float step) : IElementMap
    {
        private readonly ReadOnlySpan<short> _input = input;

        public float Scalar(int index) => _input[index] * step;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TVector Vector<TVector>(int index) where TVector : struct, IHostVector<TVector> =>
            TVector.LoadInt16(in MemoryMarshal.GetReference(_input), (nuint)index) * TVector.Create(step);
    }

    private readonly ref struct FromInt8(ReadOnlySpan<sbyte> input, float step) : IElementMap
    {
        private readonly ReadOnlySpan<sbyte> _input = input;

        public float Scalar(int index) => _input[index] * step;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TVector Vector<TVector>(int index) where TVector : struct, IHostVector<TVector> =>
            TVector.LoadInt8(in MemoryMarshal.GetReference(_input), (nuint)index) * TVector.Create(step);
    }
}
