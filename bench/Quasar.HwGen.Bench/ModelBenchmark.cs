using System.Diagnostics;
using System.Globalization;
using Quasar.HwGen.Core;
using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Core.Data;
using Quasar.HwGen.Core.Execution;
using Quasar.HwGen.Core.Ir;
using Quasar.HwGen.Core.Lowering;
using Quasar.HwGen.Core.Numerics;

namespace Quasar.HwGen.Bench;

/// <summary>
/// `model`: whole-model images/s of the C# emulation (host ops + GEMM engine) for the largest Fashion-MNIST subnet and
/// the QUASAR-S-like ImageNet-scale subnet, each on the vectorized and the scalar GEMM path, one thread per image.
/// </summary>
internal static class ModelBenchmark
{
    public static int Run(string[] args)
    {
        var fashion = FashionMnist.LoadTest(Path.Combine(RepositoryLayout.Root, FashionMnist.SampleSubdirectory));
        Measure("fashion-mnist.largest", SampleConfigs.FashionMnistLargest, [.. Enumerable.Range(0, 64).Select(i => fashion.Image(i).ToArray())], seconds: 3);
        Measure("quasar-s-like (imagenet-tiny, 224x224)", SampleConfigs.QuasarSLike, RandomImages(3 * 224 * 224, 4), seconds: 6);
        return 0;
    }

    private static void Measure(string title, string subnetName, byte[][] images, double seconds)
    {
        var subnet = SampleConfigs.LoadSubnet(subnetName);
        var space = SampleConfigs.LoadSearchSpace(subnet.SpaceName);
        var clock = Stopwatch.StartNew();
        var graph = VitLowering.Lower(RandomVitInitializer.Create(VitArchitecture.FromSubnet(subnet, space), seed: 1), images[..2]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{title}: {IrSummary.FpgaMacs(graph) / 1e9:F3} GMACs/image, lowered in {clock.Elapsed.TotalSeconds:F1} s"));
        foreach (var path in new[] { GemmPath.Auto, GemmPath.Scalar })
        {
            var interpreter = new IrInterpreter(graph, new EmulatedEngine(path));
            interpreter.Run(images[0]); // warm-up: JIT and weight packing
            int done = 0;
            clock.Restart();
            while (clock.Elapsed.TotalSeconds < seconds || done < 3) interpreter.Run(images[done++ % images.Length]);
            double rate = done / clock.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {GemmEngine.Resolve(path),-8} {rate,8:F1} images/s  ({rate * IrSummary.FpgaMacs(graph) / 1e9:F2} GMAC/s of engine work)"));
        }
    }

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
