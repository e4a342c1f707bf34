using System.Diagnostics;
using System.Globalization;
using Quasar.HwGen.Bench.FloatModel;
using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Core.Ir;
using Quasar.HwGen.Core.Lowering;
using TorchSharp;
using static TorchSharp.torch;

namespace Quasar.HwGen.Bench;

/// <summary>
/// `float`: images/s of the TorchSharp float32 model of each benchmark subnet (<see cref="FloatVitModel"/>, random
/// weights), the baseline of the integer runtime: eval and inference mode, one image per forward (the integer runtime
/// runs one image per frame) on a fixed number of libtorch intra-op threads, a warm-up, then a fixed time. Batch 8 is
/// printed too, as extra information: it is not what the integer runtime does. The float model's MACs, counted on a
/// forward pass, are printed beside the integer model's FPGA MACs.
/// </summary>
public static class FloatModelBenchmark
{
    private const int Seed = 1;
    private const double WarmupSeconds = 1.0;
    private const string LoadAverageFile = "/proc/loadavg";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The subnets of the issue-14 comparison, with the names the benchmark prints.</summary>
    public static IReadOnlyList<(string Title, string SubnetName)> Subnets { get; } =
    [
        ("fashion-mnist.largest", SampleConfigs.FashionMnistLargest),
        ("quasar-s-like (imagenet-tiny, 224x224)", SampleConfigs.QuasarSLike),
    ];

    /// <summary><c>float [--seconds S] [--threads N]</c>: 5 s a measurement and 2 threads by default.</summary>
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        double seconds = 5;
        int threads = 2;
        for (int i = 0; i < args.Length; i += 2)
        {
            if (i + 1 < args.Length && args[i] == "--seconds") seconds = double.Parse(args[i + 1], Invariant);
            else if (i + 1 < args.Length && args[i] == "--threads") threads = int.Parse(args[i + 1], Invariant);
            else
            {
                Console.Error.WriteLine("usage: float [--seconds S] [--threads N]");
                return 2;
            }
        }

        torch.set_num_threads(threads);
        Console.WriteLine(string.Create(Invariant,
            $"TorchSharp float32: {Environment.ProcessorCount} cores, torch.get_num_threads() = {torch.get_num_threads()}, eval + inference mode, random weights; {WarmupSeconds:F0} s warm-up, then {seconds:F0} s a measurement"));
        if (File.Exists(LoadAverageFile))
        {
            // libtorch's threads wait for each other at every op: with another process on one of the cores, a
            // 2-thread forward ran 60 to 350 times slower here (fashion-mnist.largest: 1.6 images/s instead of 559).
            // The load says whether the numbers below can be trusted.
            Console.WriteLine($"load average (1, 5, 15 min) before: {string.Join(' ', File.ReadAllText(LoadAverageFile).Split(' ')[..3])}");
        }
        foreach (var (title, subnetName) in Subnets)
        {
            using var model = new FloatVitModel(RandomFloatVit(subnetName));
            long floatMacs = model.MacsPerImage();
            long fpgaMacs = FpgaMacs(model.Architecture, out double lowerSeconds);
            Console.WriteLine(string.Create(Invariant,
                $"{title}: float model {floatMacs / 1e6:F1} MMACs/image, integer model {fpgaMacs / 1e6:F1} MMACs/image of FPGA work (IrSummary.FpgaMacs, lowered in {lowerSeconds:F1} s){(floatMacs == fpgaMacs ? ", equal" : " — DIFFERENT, not like for like")}"));
            foreach (int batch in new[] { 1, 8 })
            {
                double rate = ImagesPerSecond(model, seconds, threads, batch);
                double gmacs = rate * floatMacs / 1e9;
                Console.WriteLine(string.Create(Invariant,
                    $"  batch {batch}{(batch == 1 ? " (the baseline)     " : " (extra information)")} {rate,9:F1} images/s  {1e3 / rate,8:F3} ms/image  {gmacs,6:F1} GMAC/s = {2 * gmacs,6:F1} GFLOP/s"));
            }
        }
        return 0;
    }

    /// <summary>
    /// Images/s of the float32 model of a sample subnet (random weights) on <paramref name="threads"/> libtorch
    /// threads, <paramref name="batch"/> images per forward, measured for <paramref name="seconds"/> after a warm-up.
    /// Leaves torch's thread count at <paramref name="threads"/>.
    /// </summary>
    public static double ImagesPerSecond(string subnetName, double seconds, int threads, int batch)
    {
        using var model = new FloatVitModel(RandomFloatVit(subnetName));
        return ImagesPerSecond(model, seconds, threads, batch);
    }

    public static double ImagesPerSecond(FloatVitModel model, double seconds, int threads, int batch)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batch);
        torch.set_num_threads(threads);
        var a = model.Architecture;
        using var inference = inference_mode();
        using var images = randn(batch, a.Channels, a.ImageSize, a.ImageSize, generator: new Generator(Seed));
        void Forward()
        {
            using var scope = NewDisposeScope();
            model.forward(images);
        }

        var clock = Stopwatch.StartNew();
        for (int calls = 0; clock.Elapsed.TotalSeconds < WarmupSeconds || calls < 3; calls++) Forward();
        int done = 0;
        clock.Restart();
        while (clock.Elapsed.TotalSeconds < seconds || done < 3)
        {
            Forward();
            done++;
        }
        return done * batch / clock.Elapsed.TotalSeconds;
    }

    /// <summary>The float parameters the integer model of the same subnet is lowered from (ModelBenchmark: seed 1).</summary>
    public static FloatVit RandomFloatVit(string subnetName)
    {
        var subnet = SampleConfigs.LoadSubnet(subnetName);
        var space = SampleConfigs.LoadSearchSpace(subnet.SpaceName);
        return RandomVitInitializer.Create(VitArchitecture.FromSubnet(subnet, space), Seed);
    }

    /// <summary>The FPGA MACs of the integer model, lowered from the same parameters on one random calibration image.</summary>
    private static long FpgaMacs(VitArchitecture architecture, out double lowerSeconds)
    {
        var clock = Stopwatch.StartNew();
        var image = new byte[architecture.Channels * architecture.ImageSize * architecture.ImageSize];
        new Random(Seed).NextBytes(image);
        var graph = VitLowering.Lower(RandomVitInitializer.Create(architecture, Seed), [image]);
        lowerSeconds = clock.Elapsed.TotalSeconds;
        return IrSummary.FpgaMacs(graph);
    }
}
