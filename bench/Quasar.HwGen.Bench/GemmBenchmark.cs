using System.Globalization;
using Quasar.HwGen.Core.Numerics;
using TorchSharp;

namespace Quasar.HwGen.Bench;

/// <summary>
/// GMAC/s of the integer GEMM emulator on every path, of the spec reference, and of TorchSharp float32 matmul,
/// on the GEMMs of one DeiT-Tiny block with half the weight rows 8-bit. Checks every path's result against the
/// reference before timing it; all contenders of a shape are timed interleaved.
/// </summary>
public static class GemmBenchmark
{
    private const int Threads = 2;

    private static readonly GemmPath[] Paths = [GemmPath.Auto, GemmPath.Scalar, GemmPath.Avx2, GemmPath.Avx512, GemmPath.AvxVnni];

    public static int Run(string[] args)
    {
        torch.set_num_threads(Threads);
        var ci = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(ci,
            $"GEMM GMAC/s (median of interleaved samples); {Environment.ProcessorCount} cores; GemmEngine parallel over M; torch.set_num_threads({Threads}); Auto = {GemmEngine.BestPath}; half the weight rows 8-bit"));
        Console.WriteLine(string.Create(ci, $"{"shape",-10} {"M×K×N",-12}") + string.Concat(Paths.Select(p => string.Create(ci, $" {p,8}")))
            + string.Create(ci, $" {"reference",9} {"torch f32",9} {"Auto/torch",10}"));
        int failures = 0;
        double autoTotal = 0, torchTotal = 0;
        foreach (var shape in GemmShape.DeiTTinyLayer)
        {
            var (x, w, is8) = RandomOperands(shape);
            var expected = GemmReference.Multiply(x, shape.M, w, shape.N, shape.K, is8);
            var packed = PackedWeights.Pack(w, shape.N, shape.K);
            var acc = new int[shape.M * shape.N];

            var supported = Paths.Where(GemmEngine.IsSupported).ToList();
            foreach (var path in supported)
            {
                Array.Clear(acc);
                GemmEngine.Multiply(x, shape.M, packed, acc, path);
                if (!acc.AsSpan().SequenceEqual(expected))
                {
                    Console.Error.WriteLine($"{shape.Name}: path {path} differs from the reference");
                    failures++;
                }
            }

            using var scope = torch.NewDisposeScope();
            var a = torch.tensor(x.Select(v => (float)v).ToArray(), [shape.M, shape.K]);
            var b = torch.tensor(w.Select(v => (float)v).ToArray(), [shape.N, shape.K]).t().contiguous();
            var fast = supported.Where(p => p != GemmPath.Scalar).ToList();
            var actions = fast.Select(path => (Action)(() => GemmEngine.Multiply(x, shape.M, packed, acc, path))).ToList();
            actions.Add(() =>
            {
                using var c = torch.matmul(a, b);
            });
            var seconds = Timing.MedianSeconds(actions);
            double torchGmacs = shape.Macs / seconds[^1] / 1e9;
            // The slow ones on their own, with fewer samples.
            var slow = Timing.MedianSeconds(
                [() => GemmEngine.Multiply(x, shape.M, packed, acc, GemmPath.Scalar), () => GemmReference.Multiply(x, shape.M, w, shape.N, shape.K, is8)],
                samples: 3, warmupSeconds: 0.05);

            var line = string.Create(ci, $"{shape.Name,-10} {$"{shape.M}×{shape.K}×{shape.N}",-12}");
            double auto = 0;
            foreach (var path in Paths)
            {
                double? gmacs = path == GemmPath.Scalar ? shape.Macs / slow[0] / 1e9
                    : fast.Contains(path) ? shape.Macs / seconds[fast.IndexOf(path)] / 1e9
                    : null;
                if (path == GemmPath.Auto) auto = gmacs!.Value;
                line += gmacs is { } value ? string.Create(ci, $" {value,8:F1}") : string.Create(ci, $" {"n/a",8}");
            }
            line += string.Create(ci, $" {shape.Macs / slow[1] / 1e9,9:F2} {torchGmacs,9:F1} {auto / torchGmacs,10:F2}");
            Console.WriteLine(line);
            autoTotal += shape.PerBlock * shape.Macs / (auto * 1e9);
            torchTotal += shape.PerBlock * shape.Macs / (torchGmacs * 1e9);
        }
        Console.WriteLine(string.Create(ci,
            $"GEMM time of one block (QKV, proj, fc1, fc2, and Q·Kᵀ and P·V for each of 3 heads): emulator (Auto) {autoTotal * 1e6:F0} µs, torch {torchTotal * 1e6:F0} µs, emulator/torch speed {torchTotal / autoTotal:F2}×"));
        return failures == 0 ? 0 : 1;
    }

    private static (sbyte[] X, sbyte[] W, bool[] Is8) RandomOperands(GemmShape shape)
    {
        var random = new Random(shape.M * 31 + shape.K * 7 + shape.N);
        var x = new sbyte[shape.M * shape.K];
        for (int i = 0; i < x.Length; i++) x[i] = (sbyte)random.Next(QuantFormats.ActivationMin, QuantFormats.ActivationMax + 1);
        var is8 = Enumerable.Range(0, shape.N).Select(r => r % 2 == 0).ToArray();
        var w = new sbyte[shape.N * shape.K];
        for (int r = 0; r < shape.N; r++)
        {
            for (int k = 0; k < shape.K; k++)
                w[r * shape.K + k] = is8[r] ? (sbyte)random.Next(-128, 128) : (sbyte)random.Next(-8, 8);
        }
        return (x, w, is8);
    }
}
