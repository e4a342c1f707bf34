using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Quasar.HwGen.Core.Numerics.HostOps.Simd;

namespace Quasar.HwGen.Core.Numerics.HostOps;

/// <summary>The residual add (docs/numerics.md §6.3): <c>y = stream + q·step</c>, the integer branch dequantized in float32.</summary>
public static class ResidualAdd
{
    /// <summary>Adds the dequantized <paramref name="branch"/> to <paramref name="stream"/>; <paramref name="output"/> may be <paramref name="stream"/>.</summary>
    public static void Apply(ReadOnlySpan<float> stream, ReadOnlySpan<short> branch, float step, Span<float> output, HostSimd simd = HostSimd.Auto)
    {
        HostKernelArguments.RequireSameLength(stream.Length, branch.Length);
        HostKernelArguments.RequireSameLength(stream.Length, output.Length);
        var map = new Sum(stream, branch, step);
        ElementLoop.ToFloat(ref map, output, HostSimdPaths.Resolve(simd));
    }

    /// <summary>stream[i] + branch[i]·step.</summary>
    internal readonly ref struct Sum(ReadOnlySpan<float> stream, ReadOnlySpan<short> branch, float step) : IElementMap
    {
        private readonly ReadOnlySpan<float> _stream = stream;
        private readonly ReadOnlySpan<short> _branch = branch;

        public float Scalar(int index) => _stream[index] + _branch[index] * step;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TVector Vector<TVector>(int index) where TVector : struct, IHostVector<TVector>
        {
            var i = (nuint)index;
            return TVector.Load(in MemoryMarshal.GetReference(_stream), i) + TVector.LoadInt16(in MemoryMarshal.GetReference(_branch), i) * TVector.Create(step);
        }
    }
}
