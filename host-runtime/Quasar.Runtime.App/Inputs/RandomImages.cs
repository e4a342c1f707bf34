using System.Globalization;
using Quasar.HwGen.Core.Data;

namespace Quasar.Runtime.App.Inputs;

/// <summary>`--random N`: N images of the model's shape whose bytes are one <see cref="SplitMix64"/> stream from the seed.</summary>
internal static class RandomImages
{
    public static LabeledImages Generate(int channels, int size, int count, ulong seed)
    {
        long perImage = (long)channels * size * size, bytes = perImage * count;
        // A run holds its images in one array: say how many fit rather than fail on the multiplication.
        if (bytes > Array.MaxLength)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                $"--random {count}: {count} images of {channels}x{size}x{size} are {bytes / 1e9:F1} GB, more than one run holds; give --random {Array.MaxLength / perImage} or less"));
        }
        var pixels = new byte[bytes];
        new SplitMix64(seed).Fill(pixels);
        return new LabeledImages(pixels, [], count, channels, size, size);
    }
}
