using CsCheck;

namespace Quasar.HwGen.Tests.Numerics.HostOps;

/// <summary>Random inputs for the host kernels: lengths around the vector widths, values with ties and extremes.</summary>
internal static class HostGens
{
    /// <summary>Row lengths: small, around 8/16/32/64, and the models' 50, 96, 197, 384.</summary>
    public static readonly Gen<int> Columns = Gen.OneOf(Gen.Int[1, 70], Gen.OneOf(7, 8, 9, 15, 16, 17, 31, 32, 33, 50, 63, 64, 65, 96, 197, 384));

    /// <summary>Quantization steps: powers of two (exact divisions, so ties) and arbitrary ones.</summary>
    public static readonly Gen<float> Steps = Gen.OneOf(Gen.Int[-12, 2].Select(e => MathF.ScaleB(1f, e)), Gen.Float[1e-4f, 2f]);

    /// <summary>Float values: ordinary, tiny, huge, signed zeros and halves (ties of a power-of-two step).</summary>
    public static readonly Gen<float> Values = Gen.Frequency(
        (6, Gen.Float[-40f, 40f]),
        (2, Gen.Int[-80, 80].Select(k => k * 0.5f)),
        (1, Gen.Float[-1e-3f, 1e-3f]),
        (1, Gen.OneOf(0f, -0f, 1e30f, -1e30f, float.MaxValue, float.MinValue, float.Epsilon, 1e-40f)));

    /// <summary>An integer range within int8: 6-bit, 8-bit, or a random one.</summary>
    public static readonly Gen<(int Min, int Max)> Ranges = Gen.OneOf(
        Gen.Const((-32, 31)), Gen.Const((-128, 127)),
        Gen.Select(Gen.Int[-128, 127], Gen.Int[-128, 127], (a, b) => (Math.Min(a, b), Math.Max(a, b))));

    /// <summary>Rows × columns of values.</summary>
    public static Gen<(int Columns, float[] Values)> Matrix(Gen<float> values) =>
        Gen.Select(Columns, Gen.Int[1, 4]).SelectMany((columns, rows) => values.Array[rows * columns].Select(v => (columns, v)));
}
