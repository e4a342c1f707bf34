namespace Quasar.HwGen.Core.Numerics.HostOps;

/// <summary>
/// Cuts a C×H×W byte image into patches and normalizes each pixel in float32 (docs/numerics.md §6.3):
/// <c>(pixel / 255 − mean[c]) / std[c]</c>. The unfused reference of <see cref="PatchQuantizeTable"/>.
/// </summary>
public static class Patchify
{
    /// <summary>The normalized value of one pixel of a channel with <paramref name="mean"/> and <paramref name="std"/>.</summary>
    public static float Normalize(byte pixel, float mean, float std) => (pixel / 255f - mean) / std;

    /// <summary>Writes the patches [(size/p)² × C·p·p] of <paramref name="image"/>; C = <paramref name="mean"/>'s length.</summary>
    public static void Apply(ReadOnlySpan<byte> image, int imageSize, int patchSize, ReadOnlySpan<float> mean, ReadOnlySpan<float> std, Span<float> output)
    {
        RequireChannels(mean, std);
        var map = new Normalized(mean, std);
        PatchLayout.Apply(image, mean.Length, imageSize, patchSize, output, ref map);
    }

    internal static void RequireChannels(ReadOnlySpan<float> mean, ReadOnlySpan<float> std)
    {
        if (mean.Length == 0 || std.Length != mean.Length)
            throw new ArgumentException($"mean has {mean.Length} and std {std.Length} elements; one per channel expected", nameof(std));
    }

    private readonly ref struct Normalized(ReadOnlySpan<float> mean, ReadOnlySpan<float> std) : PatchLayout.IPixelMap<float>
    {
        private readonly ReadOnlySpan<float> _mean = mean, _std = std;

        public float Map(int channel, byte pixel) => Normalize(pixel, _mean[channel], _std[channel]);
    }
}
