using Quasar.HwGen.Core.Data;

namespace Quasar.HwGen.Tests.Data;

/// <summary>The Fashion-MNIST subset committed under samples/ reads back as the real data.</summary>
/// <remarks>Expected pixels and labels were read from the Debian package with Python's gzip module, not with our reader.</remarks>
[TestFixture]
public sealed class ShippedFashionMnistTests
{
    [Test]
    public void The_training_subset_has_4000_images_of_28_by_28()
    {
        var train = FashionMnist.LoadTrain(TestPaths.SampleData);

        Assert.That((train.Count, train.Channels, train.Height, train.Width), Is.EqualTo((4000, 1, 28, 28)));
        Assert.That(train.Pixels, Has.Length.EqualTo(4000 * 784));
        Assert.That(train.LabelHistogram(), Is.EqualTo(new[] { 373, 440, 404, 409, 395, 391, 400, 413, 380, 395 }));
    }

    [Test]
    public void The_test_subset_has_2000_images_with_the_known_histogram()
    {
        var test = FashionMnist.LoadTest(TestPaths.SampleData);

        Assert.That(test.Count, Is.EqualTo(2000));
        Assert.That(test.LabelHistogram(), Is.EqualTo(new[] { 200, 203, 214, 190, 219, 195, 197, 200, 194, 188 }));
        Assert.That(test.Labels[..10], Is.EqualTo(new byte[] { 9, 2, 1, 1, 6, 1, 4, 6, 5, 7 }));
        Assert.That(Sum(test.Image(0)), Is.EqualTo(33456));
    }

    [TestCase(0, 0, 0)]
    [TestCase(14, 14, 217)]
    [TestCase(10, 20, 210)]
    [TestCase(5, 12, 6)]
    [TestCase(27, 27, 0)]
    public void The_first_training_image_has_the_known_pixel(int row, int column, int value)
    {
        var train = FashionMnist.LoadTrain(TestPaths.SampleData);

        Assert.That(train.Image(0)[row * 28 + column], Is.EqualTo(value));
    }

    [Test]
    public void The_first_and_last_training_images_are_the_originals()
    {
        var train = FashionMnist.LoadTrain(TestPaths.SampleData);

        Assert.That(train.Labels[..10], Is.EqualTo(new byte[] { 9, 0, 0, 3, 0, 2, 7, 2, 5, 5 }));
        Assert.That(Sum(train.Image(0)), Is.EqualTo(76247));
        Assert.That(Sum(train.Image(3999)), Is.EqualTo(46689));
    }

    [Test]
    public void The_full_set_from_the_debian_package_has_60000_and_10000_images()
    {
        if (!Directory.Exists(FashionMnist.DebianPackageDirectory))
            Assert.Ignore($"{FashionMnist.DebianPackageDirectory} is absent: apt-get install dataset-fashion-mnist");

        var train = FashionMnist.LoadTrain(FashionMnist.DebianPackageDirectory);
        var test = FashionMnist.LoadTest(FashionMnist.DebianPackageDirectory);

        Assert.That((train.Count, test.Count), Is.EqualTo((60000, 10000)));
        Assert.That(train.LabelHistogram(), Is.All.EqualTo(6000));
        Assert.That(test.LabelHistogram(), Is.All.EqualTo(1000));
    }

    private static int Sum(ReadOnlySpan<byte> pixels)
    {
        int sum = 0;
        foreach (var p in pixels) sum += p;
        return sum;
    }
}
