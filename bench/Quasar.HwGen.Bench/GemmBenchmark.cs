using System.Globalization;
using Quasar.HwGen.Core.Numerics;
using TorchSharp;

namespace Quasar.HwGen.Bench;

/// <summary>
/// GMAC/s of the integer GEMM emulator on every path, of the spec reference, and of TorchSharp float32 matmul,
/// on the GEMMs of one DeiT-Tiny block with half the weight rows 8-bit. Checks every path's result against the
/// reference before timing it; the fast contenders of a shape are timed interleaved.
/// </summary>
public static class GemmBenchmark
{
    private static readonly GemmPath[] Paths = [GemmPath.Auto, GemmPath.Scalar, GemmPath.Avx2, GemmPath.Avx512, GemmPath.AvxVnni];

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary><c>gemm [--threads 1|2]</c>: 2 (the default) lets both sides use both cores, 1 keeps both on one.</summary>
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        int threads = 2;
        if (args is ["--threads", var value])
        {
            threads = int.Parse(value, Invariant);
        }
        else if (args.Length > 0)
        {
            Console.Error.WriteLine("usage: gemm [--threads 1|2]");
            return 2;
        }
        bool parallel = threads > 1;
        torch.set_num_threads(threads);
        Console.WriteLine(string.Create(Invariant,
            $"{Environment.ProcessorCount} cores; GemmEngine {(parallel ? "parallel over M" : "on one thread")}; torch.set_num_threads({threads}); Auto = {GemmEngine.BestPath}; half the weight rows 8-bit"));
        int failures = 0;
        var results = new List<(GemmShape Shape, Dictionary<string, Sample> Seconds)>();
        foreach (var shape in GemmShape.DeiTTinyLayer)
        {
            var (seconds, wrong) = MeasureShape(shape, parallel);
            failures += wrong;
            results.Add((shape, seconds));
        }
        Print("median", results, s => s.Median);
        Print("best sample", results, s => s.Best);
        return failures == 0 ? 0 : 1;
    }

    private static (Dictionary<string, Sample> Seconds, int Failures) MeasureShape(GemmShape shape, bool parallel)
    {
        var (x, w, is8) = RandomOperands(shape);
        var expected = GemmReference.Multiply(x, shape.M, w, shape.N, shape.K, is8);
        var packed = PackedWeights.Pack(w, shape.N, shape.K);
        var acc = new int[shape.M * shape.N];
        int failures = 0;
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
        var actions = fast.Select(path => (Action)(() => GemmEngine.Multiply(x, shape.M, packed, acc, path, parallel))).ToList();
        actions.Add(() =>
        {
            using var c = torch.matmul(a, b);
        });
        var timed = Timing.Measure(actions);
        var seconds = new Dictionary<string, Sample>(StringComparer.Ordinal) { ["torch"] = timed[^1] };
        for (int i = 0; i < fast.Count; i++) seconds[fast[i].ToString()] = timed[i];
        // The slow ones on their own, with fewer samples.
        var slow = Timing.Measure(
            [() => GemmEngine.Multiply(x, shape.M, packed, acc, GemmPath.Scalar), () => GemmReference.Multiply(x, shape.M, w, shape.N, shape.K, is8)],
            samples: 3, warmupSeconds: 0.05);
        seconds[nameof(GemmPath.Scalar)] = slow[0];
        seconds["reference"] = slow[1];
        return (seconds, failures);
    }

    private static void Print(string statistic, List<(GemmShape Shape, Dictionary<string, Sample> Seconds)> results, Func<Sample, double> pick)
    {
        Console.WriteLine();
        Console.WriteLine($"GEMM GMAC/s, {statistic}:");
        Console.WriteLine(string.Create(Invariant, $"{"shape",-10} {"M×K×N",-12}") + string.Concat(Paths.Select(p => string.Create(Invariant, $" {p,8}")))
            + string.Create(Invariant, $" {"reference",9} {"torch f32",9} {"Auto/torch",10}"));
        double emulatorBlock = 0, torchBlock = 0;
        foreach (var (shape, seconds) in results)
        {
            double Gmacs(string name) => shape.Macs / pick(seconds[name]) / 1e9;
            var line = string.Create(Invariant, $"{shape.Name,-10} {$"{shape.M}×{shape.K}×{shape.N}",-12}");
            foreach (var path in Paths)
                line += seconds.ContainsKey(path.ToString()) ? string.Create(Invariant, $" {Gmacs(path.ToString()),8:F1}") : $" {"n/a",8}";
            line += string.Create(Invariant, $" {Gmacs("reference"),9:F2} {Gmacs("torch"),9:F1} {Gmacs("Auto") / Gmacs("torch"),10:F2}");
            Console.WriteLine(line);
            emulatorBlock += shape.PerBlock * pick(seconds["Auto"]);
            torchBlock += shape.PerBlock * pick(seconds["torch"]);
        }
        Console.WriteLine(string.Create(Invariant,
            $"GEMMs of one block (QKV, proj, fc1, fc2, Q·Kᵀ and P·V for each of 3 heads): emulator (Auto) {emulatorBlock * 1e6:F0} µs, torch {torchBlock * 1e6:F0} µs, emulator/torch speed {torchBlock / emulatorBlock:F2}×"));
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
