using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Quasar.HwGen.Core.Numerics.HostOps.Simd;

namespace Quasar.HwGen.Core.Numerics.HostOps;

/// <summary>
/// The class token and the position embedding in one pass (docs/numerics.md §6.3): row 0 is
/// <c>classToken[c] + position[c]</c>, row t ≥ 1 is <c>(q[t−1, c]·step) + position[t, c]</c> — what the ClassToken op
/// then the PositionEmbedding op compute (float32 addition is commutative, bit for bit).
/// </summary>
public static class TokenEmbedding
{
    /// <summary>
    /// Writes the (T + 1) × C tokens from the T × C patch embeddings <paramref name="patches"/> (int16, step
    /// <paramref name="step"/>), with C = <paramref name="classToken"/>'s length.
    /// </summary>
    public static void Apply(ReadOnlySpan<short> patches, float step, ReadOnlySpan<float> classToken, ReadOnlySpan<float> position,
        Span<float> output, HostSimd simd = HostSimd.Auto)
    {
        int channels = classToken.Length;
        HostKernelArguments.RequireWholeRows(patches.Length, channels, nameof(patches));
        if (position.Length != patches.Length + channels)
            throw new ArgumentException($"position has {position.Length} elements, {patches.Length / channels + 1} rows of {channels} expected", nameof(position));
        HostKernelArguments.RequireSameLength(position.Length, output.Length);
        var resolved = HostSimdPaths.Resolve(simd);

        var classRow = new FloatSum(classToken, position[..channels]);
        ElementLoop.ToFloat(ref classRow, output[..channels], resolved);
        var patchRows = new ResidualAdd.Sum(position[channels..], patches, step);
        ElementLoop.ToFloat(ref patchRows, output[channels..], resolved);
    }

    /// <summary>a[i] + b[i].</summary>
    private readonly ref struct FloatSum(ReadOnlySpan<float> a, ReadOnlySpan<float> b) : IElementMap
    {
        private readonly ReadOnlySpan<float> _a = a, _b = b;

        public float Scalar(int index) => _a[index] + _b[index];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TVector Vector<TVector>(int index) where TVector : struct, IHostVector<TVector> =>
            TVector.Load(in MemoryMarshal.GetReference(_a), (nuint)index) + TVector.Load(in MemoryMarshal.GetReference(_b), (nuint)index);
    }
}
