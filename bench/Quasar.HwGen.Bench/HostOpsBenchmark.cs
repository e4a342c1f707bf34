using System.Globalization;
using Quasar.HwGen.Core.Numerics.HostOps;

namespace Quasar.HwGen.Bench;

/// <summary>
/// µs per call of the fused host kernels on every <see cref="HostSimd"/> width, against the unfused reference ops
/// (float op, then quantize; what the interpreter runs), at the shapes of one block of the shipped Fashion-MNIST
/// model (50 tokens, 96 channels, 3 heads, MLP 384). Checks that every width gives the reference's bits, and that a
/// fused call allocates nothing.
/// </summary>
public static class HostOpsBenchmark
{
    private const int Tokens = 50, Channels = 96, Heads = 3, Hidden = 384;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly HostSimd[] Widths = [HostSimd.Scalar, HostSimd.Vector128, HostSimd.Vector256, HostSimd.Vector512];

    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 0)
        {
            Console.Error.WriteLine("usage: host");
            return 2;
        }
        var random = new Random(14);
        float[] stream = Floats(random, Tokens * Channels, 3f), gamma = Floats(random, Channels, 1.5f), beta = Floats(random, Channels, 0.5f);
        short[] scores = Shorts(random, Heads * Tokens * Tokens, 20000), hidden = Shorts(random, Tokens * Hidden, 30000), branch = Shorts(random, Tokens * Channels, 30000);
        var softmaxTable = SoftmaxTable.Create(5.2e-6f);
        var geluTable = GeluQuantizeTable.Create(3.1e-5f, 0.015f, -32, 31);
        var widths = Widths.Where(HostSimdPaths.IsSupported).ToArray();
        Console.WriteLine($"Auto = {HostSimdPaths.Best}; µs per call, median of 31 samples");
        Console.WriteLine(string.Create(Invariant, $"{"kernel",-28} {"reference",10}") + string.Concat(widths.Select(w => string.Create(Invariant, $" {w,10}"))) + "  allocated");

        int failures = 0;
        var normalized = new float[stream.Length];
        var probabilities = new float[scores.Length];
        var activated = new float[hidden.Length];
        failures += Row($"LayerNormQuantize {Tokens}×{Channels}", new sbyte[stream.Length],
            output =>
            {
                LayerNorm.Apply(stream, Channels, gamma, beta, normalized, simd: HostSimd.Scalar);
                Quantizer.Apply(normalized, 0.09f, -32, 31, output, HostSimd.Scalar);
            },
            (output, simd) => LayerNormQuantize.Apply(stream, Channels, gamma, beta, LayerNorm.DefaultEpsilon, 0.09f, -32, 31, output, simd), widths);
        failures += Row($"SoftmaxQuantize {Heads * Tokens}×{Tokens}", new sbyte[scores.Length],
            output =>
            {
                Softmax.Apply(scores, Tokens, 5.2e-6f, probabilities, HostSimd.Scalar);
                Quantizer.Apply(probabilities, 7.2e-4f, -32, 31, output, HostSimd.Scalar);
            },
            (output, simd) => SoftmaxQuantize.Apply(scores, Tokens, softmaxTable, 7.2e-4f, -32, 31, output, simd), widths);
        failures += Row($"GeluQuantizeTable {Tokens}×{Hidden}", new sbyte[hidden.Length],
            output =>
            {
                Gelu.Apply(hidden, 3.1e-5f, activated);
                Quantizer.Apply(activated, 0.015f, -32, 31, output, HostSimd.Scalar);
            },
            (output, _) => geluTable.Apply(hidden, output), widths);
        failures += Row($"ResidualAdd {Tokens}×{Channels}", new float[stream.Length],
            output => ResidualAdd.Apply(stream, branch, 1.8e-7f, output, HostSimd.Scalar),
            (output, simd) => ResidualAdd.Apply(stream, branch, 1.8e-7f, output, simd), widths);
        failures += Row($"Quantizer {Tokens}×{Channels}", new sbyte[stream.Length],
            output => Quantizer.Apply(stream, 0.09f, -32, 31, output, HostSimd.Scalar),
            (output, simd) => Quantizer.Apply(stream, 0.09f, -32, 31, output, simd), widths);
        return failures == 0 ? 0 : 1;
    }

    /// <summary>Times the reference and every width, after checking each width's output against the reference's.</summary>
    private static int Row<T>(string name, T[] expected, Action<T[]> reference, Action<T[], HostSimd> fused, HostSimd[] widths)
    {
        reference(expected);
        var outputs = widths.Select(_ => new T[expected.Length]).ToArray();
        int failures = 0;
        for (int w = 0; w < widths.Length; w++)
        {
            fused(outputs[w], widths[w]);
            if (!outputs[w].AsSpan().SequenceEqual(expected))
            {
                Console.Error.WriteLine($"{name}: {widths[w]} differs from the reference");
                failures++;
            }
        }
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int w = 0; w < widths.Length; w++) fused(outputs[w], widths[w]);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        var actions = new List<Action> { () => reference(expected) };
        for (int w = 0; w < widths.Length; w++)
        {
            var (output, simd) = (outputs[w], widths[w]);
            actions.Add(() => fused(output, simd));
        }
        var times = Timing.Measure(actions);
        Console.WriteLine(string.Create(Invariant, $"{name,-28}") + string.Concat(times.Select(t => string.Create(Invariant, $" {t.Median * 1e6,10:F2}")))
            + string.Create(Invariant, $"  {allocated} B"));
        return failures;
    }

    private static float[] Floats(Random random, int count, float scale) =>
        Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() * 2 - 1) * scale).ToArray();

    private static short[] Shorts(Random random, int count, int bound) =>
        Enumerable.Range(0, count).Select(_ => (short)random.Next(-bound, bound + 1)).ToArray();
}
