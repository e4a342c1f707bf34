using Quasar.HwGen.Core.Data;

namespace Quasar.Runtime.App.Inputs;

/// <summary>`--random N`: N images of the model's shape whose bytes are one <see cref="SplitMix64"/> stream from the seed.</summary>
internal static class RandomImages
{
    public static LabeledImages Generate(int channels, int size, int count, ulong seed)
    {
        var pixels = new byte[checked(count * channels * size * size)];
        new SplitMix64(seed).Fill(pixels);
        return new LabeledImages(pixels, [], count, channels, size, size);
    }
}
