using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Quasar.HwGen.Core.Numerics.HostOps.Simd;

namespace Quasar.HwGen.Core.Numerics.HostOps;

/// <summary>
/// LayerNorm over the channel dimension in float32 (docs/numerics.md §6.4): per row, μ = Σx / C and
/// σ² = Σ(x − μ)² / C (two passes, sums in the 8-lane order of <see cref="LaneSum"/>), d = sqrt(σ² + ε), r = 1 / d,
/// then <c>y = (x − μ) · r · γ + β</c> in that order.
/// </summary>
public static class LayerNorm
{
    /// <summary>The ε of every LayerNorm in the models (DeiT / AutoFormer).</summary>
    public const float DefaultEpsilon = 1e-6f;

    /// <summary>Normalizes each of the rows of <paramref name="input"/> [rows × channels] into <paramref name="output"/>.</summary>
    public static void Apply(ReadOnlySpan<float> input, int channels, ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta,
        Span<float> output, float epsilon = DefaultEpsilon, HostSimd simd = HostSimd.Auto)
    {
        Validate(input, channels, gamma, beta, epsilon);
        HostKernelArguments.RequireSameLength(input.Length, output.Length);
        var resolved = HostSimdPaths.Resolve(simd);
        for (int start = 0; start < input.Length; start += channels)
        {
            var row = new NormalizedRow(input.Slice(start, channels), gamma, beta, epsilon, resolved);
            ElementLoop.ToFloat(ref row, output.Slice(start, channels), resolved);
        }
    }

    internal static void Validate(ReadOnlySpan<float> input, int channels, ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta, float epsilon)
    {
        HostKernelArguments.RequireWholeRows(input.Length, channels, nameof(input));
        if (gamma.Length != channels || beta.Length != channels)
            throw new ArgumentException($"γ has {gamma.Length} and β {beta.Length} elements, {channels} channels expected");
        if (!(epsilon >= 0)) throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "ε must be non-negative");
    }

    /// <summary>One row's statistics, and its element formula <c>(x − μ) · r · γ + β</c> with r = 1 / d.</summary>
    internal readonly ref struct NormalizedRow : IElementMap
    {
        private readonly ReadOnlySpan<float> _x, _gamma, _beta;
        private readonly float _mean, _reciprocalDeviation;

        public NormalizedRow(ReadOnlySpan<float> x, ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta, float epsilon, HostSimd resolved)
        {
            _x = x;
            _gamma = gamma;
            _beta = beta;
            _mean = LaneSum.Sum(x, resolved) / x.Length;
            _reciprocalDeviation = ReciprocalDeviation(LaneSum.SumOfSquaredDeviations(x, _mean, resolved), x.Length, epsilon);
        }

        private NormalizedRow(ReadOnlySpan<float> x, ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta, float mean, float reciprocalDeviation)
        {
            _x = x;
            _gamma = gamma;
            _beta = beta;
            _mean = mean;
            _reciprocalDeviation = reciprocalDeviation;
        }

        /// <summary>
        /// Four rows at once, each with exactly its own row's arithmetic: the sums of a row are chains of dependent
        /// additions, so three more rows' chains in the same loop run in the first one's latency (rows of whole groups
        /// of 8 at the 256- and 512-bit widths; <see cref="LaneSum.SumQuad"/>). Rows may repeat.
        /// </summary>
        public static void Quad(ReadOnlySpan<float> x0, ReadOnlySpan<float> x1, ReadOnlySpan<float> x2, ReadOnlySpan<float> x3,
            ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta, float epsilon,
            out NormalizedRow row0, out NormalizedRow row1, out NormalizedRow row2, out NormalizedRow row3)
        {
            var (means, reciprocals) = QuadStatistics(x0, x1, x2, x3, epsilon);
            row0 = new NormalizedRow(x0, gamma, beta, means[0], reciprocals[0]);
            row1 = new NormalizedRow(x1, gamma, beta, means[1], reciprocals[1]);
            row2 = new NormalizedRow(x2, gamma, beta, means[2], reciprocals[2]);
            row3 = new NormalizedRow(x3, gamma, beta, means[3], reciprocals[3]);
        }

        /// <summary>μ and r = 1 / √(σ² + ε) of four rows of one length, with exactly the one-row constructor's arithmetic.</summary>
        internal static (Vector128<float> Means, Vector128<float> Reciprocals) QuadStatistics(ReadOnlySpan<float> x0, ReadOnlySpan<float> x1,
            ReadOnlySpan<float> x2, ReadOnlySpan<float> x3, float epsilon)
        {
            int channels = x0.Length;
            // Each mean is its own float division, as in the one-row constructor.
            var sums = LaneSum.SumQuad(x0, x1, x2, x3);
            var means = Vector128.Create(sums[0] / channels, sums[1] / channels, sums[2] / channels, sums[3] / channels);
            var squares = LaneSum.SumOfSquaredDeviationsQuad(x0, x1, x2, x3, means);
            return (means, Vector128.Create(ReciprocalDeviation(squares[0], channels, epsilon), ReciprocalDeviation(squares[1], channels, epsilon),
                ReciprocalDeviation(squares[2], channels, epsilon), ReciprocalDeviation(squares[3], channels, epsilon)));
        }

        private static float ReciprocalDeviation(float squaredDeviations, int channels, float epsilon) =>
            1f / MathF.Sqrt(squaredDeviations / channels + epsilon);

        public float Scalar(int index) => (_x[index] - _mean) * _reciprocalDeviation * _gamma[index] + _beta[index];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TVector Vector<TVector>(int index) where TVector : struct, IHostVector<TVector>
        {
            var i = (nuint)index;
            var x = TVector.Load(in MemoryMarshal.GetReference(_x), i);
            var gamma = TVector.Load(in MemoryMarshal.GetReference(_gamma), i);
            var beta = TVector.Load(in MemoryMarshal.GetReference(_beta), i);
            return (x - TVector.Create(_mean)) * TVector.Create(_reciprocalDeviation) * gamma + beta;
        }
    }
}
