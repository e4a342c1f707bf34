using System.Globalization;
using Quasar.HwGen.Core.Data;
using Quasar.HwGen.Training.Spaces;
using Quasar.HwGen.Training.Tests.Support;

namespace Quasar.HwGen.Training.Tests.Trainer;

/// <summary>
/// Training throughput of the fashion-mnist space on this machine (QAT, batch 128, 2 threads), for the largest subnet
/// and for uniformly sampled subnets, with the time of one epoch of the full 60k set extrapolated.
/// Run: dotnet test tests/Quasar.HwGen.Training.Tests --filter "Category=Benchmark".
/// </summary>
[TestFixture, Category("Benchmark"), Explicit("measures speed; minutes on 2 cores")]
public sealed class ThroughputBenchmark
{
    private const int FullEpochImages = 60_000;

    [TestCase(true)]
    [TestCase(false)]
    public void Training_throughput_of_the_fashion_mnist_space(bool largest)
    {
        var directory = Directory.Exists(FashionMnist.DebianPackageDirectory) ? FashionMnist.DebianPackageDirectory : TinySpace.SampleDataDirectory;
        var train = FashionMnist.LoadTrain(directory);
        var spec = BuiltInSpaces.FashionMnist;
        var options = new TrainingOptions
        {
            Epochs = 1, BatchSize = 128, TrainLimit = 128 * 60, ProgressEverySteps = 20,
            FixedSubnet = largest ? new SubnetSampler(spec).Largest() : null,
        };

        var result = new SupernetTrainer(spec, options, TestContext.Progress).Train(train, null);
        result.Supernet.Dispose();

        double epochSeconds = FullEpochImages / result.ImagesPerSecond;
        TestContext.Progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(largest ? "largest subnet" : "sampled subnets")}: {result.ImagesPerSecond:F0} images/s; one 60k epoch ≈ {epochSeconds:F0} s ({epochSeconds / 60:F1} min)"));
        Assert.That(result.ImagesPerSecond, Is.GreaterThan(0));
    }
}
