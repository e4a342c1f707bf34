using System.Globalization;
using Quasar.HwGen.Core.Numerics;
using TorchSharp;

namespace Quasar.HwGen.Bench;

/// <summary>
/// GMAC/s of the integer GEMM emulator on every path, of the spec reference, and of TorchSharp float32 matmul,
/// on the GEMMs of one DeiT-Tiny block with half the weight rows 8-bit. Checks every path's result against the
/// reference before timing it.
/// </summary>
public static class GemmBenchmark
{
    private const int Threads = 2;

    public static int Run(string[] args)
    {
        torch.set_num_threads(Threads);
        var paths = new[] { GemmPath.Auto, GemmPath.Scalar, GemmPath.Avx2, GemmPath.Avx512, GemmPath.AvxVnni };
        var ci = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(ci,
            $"GEMM GMAC/s, {Environment.ProcessorCount} cores, torch threads {Threads}, Auto = {GemmEngine.BestPath}; half the weight rows 8-bit"));
        var header = string.Create(ci, $"{"shape",-11} {"M×K×N",-13}") + string.Concat(paths.Select(p => string.Create(ci, $" {p,8}")))
            + string.Create(ci, $" {"reference",9} {"torch f32",9} {"Auto/torch",10}");
        Console.WriteLine(header);
        int failures = 0;
        foreach (var shape in GemmShape.DeiTTinyLayer)
        {
            var random = new Random(shape.Name.Length * 7919 + shape.K);
            var x = new sbyte[shape.M * shape.K];
            for (int i = 0; i < x.Length; i++) x[i] = (sbyte)random.Next(QuantFormats.ActivationMin, QuantFormats.ActivationMax + 1);
            var is8 = Enumerable.Range(0, shape.N).Select(r => r % 2 == 0).ToArray();
            var w = new sbyte[shape.N * shape.K];
            for (int r = 0; r < shape.N; r++)
            {
                for (int k = 0; k < shape.K; k++)
                    w[r * shape.K + k] = is8[r] ? (sbyte)random.Next(-128, 128) : (sbyte)random.Next(-8, 8);
            }

            var expected = GemmReference.Multiply(x, shape.M, w, shape.N, shape.K, is8);
            var packed = PackedWeights.Pack(w, shape.N, shape.K);
            var acc = new int[shape.M * shape.N];
            var line = string.Create(ci, $"{shape.Name,-11} {$"{shape.M}×{shape.K}×{shape.N}",-13}");
            double auto = 0;
            foreach (var path in paths)
            {
                if (!GemmEngine.IsSupported(path))
                {
                    line += string.Create(ci, $" {"n/a",8}");
                    continue;
                }
                GemmEngine.Multiply(x, shape.M, packed, acc, path);
                if (!acc.AsSpan().SequenceEqual(expected))
                {
                    Console.Error.WriteLine($"{shape.Name}: path {path} differs from the reference");
                    failures++;
                }
                double seconds = Timing.MedianSeconds(() => GemmEngine.Multiply(x, shape.M, packed, acc, path),
                    samples: path == GemmPath.Scalar ? 3 : 11);
                double gmacs = shape.Macs / seconds / 1e9;
                if (path == GemmPath.Auto) auto = gmacs;
                line += string.Create(ci, $" {gmacs,8:F1}");
            }
            double reference = shape.Macs / Timing.MedianSeconds(() => GemmReference.Multiply(x, shape.M, w, shape.N, shape.K, is8), samples: 3) / 1e9;
            double torchGmacs = shape.Macs / TorchSeconds(shape, x, w) / 1e9;
            line += string.Create(ci, $" {reference,9:F2} {torchGmacs,9:F1} {auto / torchGmacs,10:F2}");
            Console.WriteLine(line);
        }
        return failures == 0 ? 0 : 1;
    }

    /// <summary>Median seconds of torch.matmul([M × K], [K × N]) in float32 on the same values.</summary>
    private static double TorchSeconds(GemmShape shape, sbyte[] x, sbyte[] w)
    {
        using var scope = torch.NewDisposeScope();
        var a = torch.tensor(x.Select(v => (float)v).ToArray(), [shape.M, shape.K]);
        var b = torch.tensor(w.Select(v => (float)v).ToArray(), [shape.N, shape.K]).t().contiguous();
        return Timing.MedianSeconds(() =>
        {
            using var c = torch.matmul(a, b);
        });
    }
}
