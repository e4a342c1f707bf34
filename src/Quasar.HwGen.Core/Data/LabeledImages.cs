namespace Quasar.HwGen.Core.Data;

/// <summary>Grayscale or multi-channel images with integer labels (none when <see cref="Labels"/> is empty), pixels as bytes in N·C·H·W order.</summary>
public sealed record LabeledImages(byte[] Pixels, byte[] Labels, int Count, int Channels, int Height, int Width)
{
    public int PixelsPerImage => Channels * Height * Width;

    public ReadOnlySpan<byte> Image(int index) => Pixels.AsSpan(index * PixelsPerImage, PixelsPerImage);

    public int ClassCount => Labels.Length == 0 ? 0 : Labels.Max() + 1;

    /// <summary>Number of images of each label 0..max.</summary>
    public int[] LabelHistogram()
    {
        var histogram = new int[ClassCount];
        foreach (var label in Labels) histogram[label]++;
        return histogram;
    }

    /// <summary>The first <paramref name="count"/> images, or all when there are fewer.</summary>
    public LabeledImages Take(int count)
    {
        int n = Math.Min(count, Count);
        return this with { Pixels = Pixels[..(n * PixelsPerImage)], Labels = Labels.Length == 0 ? [] : Labels[..n], Count = n };
    }
}
