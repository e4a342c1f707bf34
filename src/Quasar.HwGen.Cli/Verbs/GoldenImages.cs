using Quasar.HwGen.Core;
using Quasar.HwGen.Core.Data;
using Quasar.HwGen.Core.Ir;

namespace Quasar.HwGen.Cli.Verbs;

/// <summary>
/// Images for golden vectors: from an IDX directory when given (its test split; the shape must fit the model), else
/// the shipped Fashion-MNIST test images when the model takes 1×28×28, else seeded random pixels.
/// </summary>
internal static class GoldenImages
{
    public static (IReadOnlyList<byte[]> Images, string Source) Load(IrGraph graph, DirectoryInfo? directory, int count, int seed)
    {
        var (channels, size) = ModelInput.Shape(graph);
        var path = directory?.FullName ?? Path.Combine(ShippedFiles.Root, FashionMnist.SampleSubdirectory);
        if (directory is not null || (channels == 1 && size == 28 && Directory.Exists(path)))
        {
            var set = FashionMnist.LoadTest(path);
            ModelInput.ThrowIfMismatched(graph, set, path);
            if (set.Count < count) throw new InvalidDataException($"{path}: {set.Count} test images, {count} asked for");
            return ([.. Enumerable.Range(0, count).Select(i => set.Image(i).ToArray())], $"the first {count} test images of {path}");
        }
        var random = new Random(seed);
        return ([.. Enumerable.Range(0, count).Select(_ =>
        {
            var image = new byte[channels * size * size];
            random.NextBytes(image);
            return image;
        })], $"{count} random {channels}x{size}x{size} images (seed {seed})");
    }
}
