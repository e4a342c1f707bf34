using System.Diagnostics;
using System.Globalization;
using Quasar.HwGen.Core;
using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Core.Data;
using Quasar.HwGen.Core.Ir;
using Quasar.HwGen.Core.Lowering;
using Quasar.HwGen.Core.Numerics.HostOps;
using Quasar.Runtime;
using Quasar.Runtime.Emulation;

namespace Quasar.HwGen.Bench;

/// <summary>
/// `model`: the runtime on `emu` for the largest Fashion-MNIST subnet and the QUASAR-S-like ImageNet-scale subnet, side
/// by side in one run: host-op time per frame on one thread, whole-model images/s with one frame (the GEMMs split
/// over the cores) and with two frames in flight (one thread each), and the same subnet's float model in TorchSharp.
/// </summary>
internal static class ModelBenchmark
{
    /// <summary>The issue's host-op budget for a QUASAR-S frame on one x64 core (docs/hardware-model.md §5).</summary>
    private const double HostBudgetMs = 1.5;

    public static int Run(string[] args)
    {
        double seconds = args.Length > 0 && double.TryParse(args[0], CultureInfo.InvariantCulture, out var s) ? s : 6;
        var fashion = FashionMnist.LoadTest(Path.Combine(RepositoryLayout.Root, FashionMnist.SampleSubdirectory));
        Console.WriteLine($"{Environment.ProcessorCount} cores; {seconds:F0} s per measurement");
        string? only = args.Length > 1 ? args[1] : null; // one subnet by name, e.g. quasar-s-like
        if (only is null or SampleConfigs.FashionMnistLargest)
            Measure(SampleConfigs.FashionMnistLargest, [.. Enumerable.Range(0, 64).Select(i => fashion.Image(i).ToArray())], seconds);
        if (only is null or SampleConfigs.QuasarSLike) Measure(SampleConfigs.QuasarSLike, RandomImages(3 * 224 * 224, 4), seconds);
        return 0;
    }

    private static void Measure(string subnetName, byte[][] images, double seconds)
    {
        var subnet = SampleConfigs.LoadSubnet(subnetName);
        var space = SampleConfigs.LoadSearchSpace(subnet.SpaceName);
        var clock = Stopwatch.StartNew();
        var graph = VitLowering.Lower(RandomVitInitializer.Create(VitArchitecture.FromSubnet(subnet, space), seed: 1), images[..2]);
        double gmacs = IrSummary.FpgaMacs(graph) / 1e9;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{subnetName} ({space.Name}): {gmacs:F3} GMACs/image, lowered in {clock.Elapsed.TotalSeconds:F1} s"));

        var single = Throughput(graph, images, framesInFlight: 1, parallelGemm: true, seconds);
        var hostOnly = Throughput(graph, images, framesInFlight: 1, parallelGemm: false, seconds);
        var twoFrames = Throughput(graph, images, framesInFlight: 2, parallelGemm: false, seconds);
        double hostMs = hostOnly.Stats.HostOpsPerFrame.TotalMilliseconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  host ops per frame, one thread ({HostSimdPaths.Best}): {hostMs,8:F2} ms{(subnetName == SampleConfigs.QuasarSLike ? $"  (budget {HostBudgetMs} ms: {(hostMs <= HostBudgetMs ? "met" : "NOT met")})" : "")}"));
        // Every width gives the same bits, so Auto's choice is a matter of speed alone: the others, side by side.
        foreach (var width in OtherWidths())
        {
            double otherMs = Throughput(graph, images, framesInFlight: 1, parallelGemm: false, seconds / 2, width).Stats.HostOpsPerFrame.TotalMilliseconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    the same at {width}: {otherMs,8:F2} ms, {otherMs / hostMs:F2}x Auto's time"));
        }
        foreach (var kind in hostOnly.Stats.Kinds.Where(k => !k.OnAccelerator).OrderByDescending(k => k.Total))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    {kind.Kind,-28} x{kind.StepsPerFrame,-3} {hostOnly.Stats.PerFrame(kind).TotalMilliseconds,8:F3} ms"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  engine (emu GEMMs) per frame, one thread: {hostOnly.Stats.AcceleratorPerFrame.TotalMilliseconds,5:F2} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  runtime on emu, 1 frame, GEMMs on {Environment.ProcessorCount} threads: {single.Rate,8:F1} images/s ({single.Rate * gmacs:F1} GMAC/s)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  runtime on emu, 2 frames in flight:    {twoFrames.Rate,8:F1} images/s ({twoFrames.Rate * gmacs:F1} GMAC/s), {twoFrames.Rate / single.Rate:F2}x one frame"));
        double torch = FloatModelThroughput(subnetName, seconds);
        if (torch > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  TorchSharp fp32, 2 threads, batch 1:   {torch,8:F1} images/s; runtime / TorchSharp = {twoFrames.Rate / torch:F2}x (target >= 2x)"));
        }
    }

    private static IEnumerable<HostSimd> OtherWidths() =>
        new[] { HostSimd.Vector256, HostSimd.Vector512 }.Where(w => w != HostSimdPaths.Best && HostSimdPaths.IsSupported(w));

    private static (double Rate, SessionStatistics Stats) Throughput(IrGraph graph, byte[][] images, int framesInFlight, bool parallelGemm, double seconds,
        HostSimd simd = HostSimd.Auto)
    {
        using var measured = new InferenceSession(graph, new EmulatedAccelerator(parallelGemm: parallelGemm),
            new SessionOptions { FramesInFlight = framesInFlight, Simd = simd });
        var warm = new float[2 * framesInFlight * measured.Classes];
        measured.Run(2 * framesInFlight, i => images[i % images.Length], warm); // JIT and first touches
        var before = measured.Statistics;
        int batch = Math.Max(8, framesInFlight * 4);
        var logits = new float[batch * measured.Classes];
        long done = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds || done < 3)
        {
            measured.Run(batch, i => images[(done + i) % images.Length], logits);
            done += batch;
        }
        double rate = done / clock.Elapsed.TotalSeconds;
        var after = measured.Statistics;
        return (rate, after.Since(before));
    }

    /// <summary>TorchSharp's float32 model of the same subnet, batch 1 on two threads (<see cref="FloatModelBenchmark"/>).</summary>
    private static double FloatModelThroughput(string subnetName, double seconds) =>
        FloatModelBenchmark.ImagesPerSecond(subnetName, seconds, threads: 2, batch: 1);

    private static byte[][] RandomImages(int size, int count)
    {
        var random = new Random(7);
        return [.. Enumerable.Range(0, count).Select(_ =>
        {
            var image = new byte[size];
            random.NextBytes(image);
            return image;
        })];
    }
}
