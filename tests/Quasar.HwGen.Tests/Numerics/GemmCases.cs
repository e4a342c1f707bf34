using Quasar.HwGen.Core.Numerics;

namespace Quasar.HwGen.Tests.Numerics;

/// <summary>
/// Seeded random GEMM problems for the property tests: every size from 1 up, odd sizes, K not a multiple of the
/// kernels' step and up to 2000, random row-precision maps, and values drawn uniformly, from the extremes only
/// (−32, 31, −128, 127, −8, 7), or constant at one extreme.
/// </summary>
public static class GemmCases
{
    public const int Seed = 20240611;

    private static readonly Lazy<IReadOnlyList<(GemmCase Case, int[] Expected)>> Cached = new(() =>
        Generate(new Random(Seed), 2400).Select(c => (c, GemmReference.Multiply(c.X, c.M, c.W, c.N, c.K, c.Is8))).ToList());

    /// <summary>The cases with their reference results, generated once per test run.</summary>
    public static IReadOnlyList<(GemmCase Case, int[] Expected)> WithReference => Cached.Value;

    public static IEnumerable<GemmCase> Generate(Random random, int count)
    {
        for (int i = 0; i < count; i++)
        {
            var (kind, m, n, k) = (i % 8) switch
            {
                0 or 1 => ("tiny", random.Next(1, 9), random.Next(1, 9), random.Next(1, 13)),
                2 or 3 => ("tails", random.Next(1, 20), random.Next(1, 80), random.Next(1, 100)),
                4 => ("long K", random.Next(1, 6), random.Next(1, 40), random.Next(100, 2001)),
                5 => ("wide", random.Next(1, 12), random.Next(60, 200), random.Next(1, 70)),
                6 => ("tall", random.Next(20, 70), random.Next(1, 40), random.Next(1, 70)),
                _ => i % 400 == 7
                    ? ("parallel", random.Next(64, 100), random.Next(64, 100), random.Next(256, 400))
                    : ("square", random.Next(1, 40), random.Next(1, 40), random.Next(1, 200)),
            };
            yield return Create(random, i, kind, m, n, k);
        }
    }

    public static GemmCase Create(Random random, int index, string kind, int m, int n, int k)
    {
        double eightBitShare = random.Next(4) switch { 0 => 0, 1 => 1, _ => random.NextDouble() };
        var is8 = new bool[n];
        for (int r = 0; r < n; r++) is8[r] = random.NextDouble() < eightBitShare;
        int mode = random.Next(6);
        string values = mode switch { 0 => "extremes", 1 => "max-constant", 2 => "min-constant", 3 => "mixed-constant", _ => "uniform" };

        var x = new sbyte[m * k];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = mode switch
            {
                0 => random.Next(2) == 0 ? (sbyte)QuantFormats.ActivationMin : (sbyte)QuantFormats.ActivationMax,
                1 or 3 => QuantFormats.ActivationMax,
                2 => QuantFormats.ActivationMin,
                _ => (sbyte)random.Next(QuantFormats.ActivationMin, QuantFormats.ActivationMax + 1),
            };
        }
        var w = new sbyte[n * k];
        for (int r = 0; r < n; r++)
        {
            int min = is8[r] ? QuantFormats.Int8Min : QuantFormats.Int4Min;
            int max = is8[r] ? QuantFormats.Int8Max : QuantFormats.Int4Max;
            for (int j = 0; j < k; j++)
            {
                w[r * k + j] = (sbyte)(mode switch
                {
                    0 => random.Next(2) == 0 ? min : max,
                    1 => max,
                    2 or 3 => min,
                    _ => random.Next(min, max + 1),
                });
            }
        }
        return new GemmCase(index, $"{kind}, {values}", m, n, k, x, w, is8);
    }
}
