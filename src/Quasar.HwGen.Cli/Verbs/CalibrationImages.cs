using Quasar.HwGen.Core;
using Quasar.HwGen.Core.Data;
using Quasar.HwGen.Core.Lowering;

namespace Quasar.HwGen.Cli.Verbs;

/// <summary>Calibration images for lowering: real images when their shape fits the model, else seeded synthetic ones.</summary>
internal static class CalibrationImages
{
    public static IReadOnlyList<byte[]> Load(DirectoryInfo? directory, VitArchitecture architecture, int count)
    {
        var path = directory?.FullName ?? Path.Combine(ShippedFiles.Root, FashionMnist.SampleSubdirectory);
        var set = FashionMnist.LoadTrain(path);
        if (set.Channels == architecture.Channels && set.Height == architecture.ImageSize && set.Width == architecture.ImageSize)
            return [.. Enumerable.Range(0, Math.Min(count, set.Count)).Select(i => set.Image(i).ToArray())];
        if (directory is not null)
            throw new InvalidDataException($"{path}: images are {set.Channels}x{set.Height}x{set.Width}, the model takes {architecture.Channels}x{architecture.ImageSize}x{architecture.ImageSize}");

        // ImageNet-scale spaces without ImageNet at hand: uniform random pixels, enough to size the integer ranges.
        Console.Error.WriteLine($"note: no {architecture.Channels}x{architecture.ImageSize}x{architecture.ImageSize} images given; calibrating on {count} random images");
        var random = new Random(count);
        return [.. Enumerable.Range(0, count).Select(_ =>
        {
            var image = new byte[architecture.Channels * architecture.ImageSize * architecture.ImageSize];
            random.NextBytes(image);
            return image;
        })];
    }
}
