using System.Globalization;
using Quasar.HwGen.Core.Numerics.HostOps;

namespace Quasar.HwGen.Bench;

/// <summary>
/// µs per call of the fused host kernels on every <see cref="HostSimd"/> width, against the unfused reference ops
/// (float op, then quantize; what the interpreter runs), at the shapes of one block of the shipped Fashion-MNIST
/// model (50 tokens, 96 channels, 3 heads, MLP 384) and of a QUASAR-S-like block (197 tokens, 192 channels, 4 heads,
/// MLP 768). Checks that every width gives the reference's bits, and that a fused call allocates nothing.
/// </summary>
public static class HostOpsBenchmark
{
    private sealed record Block(string Name, int Tokens, int Channels, int Heads, int Hidden);

    private static readonly Block[] Blocks = [new("Fashion-MNIST block", 50, 96, 3, 384), new("QUASAR-S-like block", 197, 192, 4, 768)];

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
        Console.WriteLine($"Auto = {HostSimdPaths.Best}; µs per call, median of 31 samples");
        return Blocks.Sum(Measure) == 0 ? 0 : 1;
    }

    private static int Measure(Block block)
    {
        var (tokens, channels, heads, mlp) = (block.Tokens, block.Channels, block.Heads, block.Hidden);
        var random = new Random(14);
        float[] stream = Floats(random, tokens * channels, 3f), gamma = Floats(random, channels, 1.5f), beta = Floats(random, channels, 0.5f);
        short[] scores = Shorts(random, heads * tokens * tokens, 20000), hidden = Shorts(random, tokens * mlp, 30000), branch = Shorts(random, tokens * channels, 30000);
        var geluTable = GeluQuantizeTable.Create(3.1e-5f, 0.015f, -32, 31);
        var widths = Widths.Where(HostSimdPaths.IsSupported).ToArray();
        Console.WriteLine();
        Console.WriteLine(string.Create(Invariant, $"{block.Name,-28} {"reference",10}") + string.Concat(widths.Select(w => string.Create(Invariant, $" {w,10}"))) + "  allocated");

        int failures = 0;
        var normalized = new float[stream.Length];
        var probabilities = new float[scores.Length];
        var activated = new float[hidden.Length];
        failures += Row($"LayerNormQuantize {tokens}×{channels}", new sbyte[stream.Length],
            output =>
            {
                LayerNorm.Apply(stream, channels, gamma, beta, normalized, simd: HostSimd.Scalar);
                Quantizer.Apply(normalized, 0.09f, -32, 31, output, HostSimd.Scalar);
            },
            (output, simd) => LayerNormQuantize.Apply(stream, channels, gamma, beta, LayerNorm.DefaultEpsilon, 0.09f, -32, 31, output, simd), widths);
        failures += Row($"SoftmaxQuantize {heads * tokens}×{tokens}", new sbyte[scores.Length],
            output =>
            {
                Softmax.Apply(scores, tokens, 5.2e-6f, probabilities, HostSimd.Scalar);
                Quantizer.Apply(probabilities, 7.2e-4f, -32, 31, output, HostSimd.Scalar);
            },
            (output, simd) => SoftmaxQuantize.Apply(scores, tokens, 5.2e-6f, 7.2e-4f, -32, 31, output, simd), widths);
        failures += Row($"GeluQuantizeTable {tokens}×{mlp}", new sbyte[hidden.Length],
            output =>
            {
                Gelu.Apply(hidden, 3.1e-5f, activated);
                Quantizer.Apply(activated, 0.015f, -32, 31, output, HostSimd.Scalar);
            },
            (output, simd) => geluTable.Apply(hidden, output, simd), widths);
        failures += Row($"ResidualAdd {tokens}×{channels}", new float[stream.Length],
            output => ResidualAdd.Apply(stream, branch, 1.8e-7f, output, HostSimd.Scalar),
            (output, simd) => ResidualAdd.Apply(stream, branch, 1.8e-7f, output, simd), widths);
        failures += Row($"Quantizer {tokens}×{channels}", new sbyte[stream.Length],
            output => Quantizer.Apply(stream, 0.09f, -32, 31, output, HostSimd.Scalar),
            (output, simd) => Quantizer.Apply(stream, 0.09f, -32, 31, output, simd), widths);
        return failures;
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
