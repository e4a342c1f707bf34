namespace Quasar.HwGen.Core.Numerics.HostOps;

/// <summary>
/// Where each pixel of a C×H×W image goes when it is cut into p×p patches: row n = patch n in raster order,
/// column (c·p + i)·p + j = channel c, pixel (i, j) of the patch.
/// </summary>
internal static class PatchLayout
{
    /// <summary>The per-pixel formula: the value a pixel of channel c becomes.</summary>
    public interface IPixelMap<T>
    {
        T Map(int channel, byte pixel);
    }

    public static void Apply<T, TMap>(ReadOnlySpan<byte> image, int channels, int imageSize, int patchSize, Span<T> output, ref TMap map)
        where TMap : IPixelMap<T>, allows ref struct
    {
        RequireShapes(image.Length, channels, imageSize, patchSize, output.Length);
        int perSide = imageSize / patchSize, features = channels * patchSize * patchSize;
        for (int py = 0; py < perSide; py++)
        {
            for (int px = 0; px < perSide; px++)
            {
                int row = (py * perSide + px) * features;
                for (int c = 0; c < channels; c++)
                {
                    for (int i = 0; i < patchSize; i++)
                    {
                        var source = image.Slice((c * imageSize + py * patchSize + i) * imageSize + px * patchSize, patchSize);
                        var target = output.Slice(row + (c * patchSize + i) * patchSize, patchSize);
                        for (int j = 0; j < patchSize; j++) target[j] = map.Map(c, source[j]);
                    }
                }
            }
        }
    }

    /// <summary>Refuses a patch size that does not divide the image, or an image or output of the wrong size.</summary>
    public static void RequireShapes(int imageLength, int channels, int imageSize, int patchSize, int outputLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(patchSize);
        if (imageSize <= 0 || imageSize % patchSize != 0)
            throw new ArgumentException($"patch size {patchSize} must divide image size {imageSize}", nameof(patchSize));
        int pixels = channels * imageSize * imageSize;
        if (imageLength != pixels)
            throw new ArgumentException($"image has {imageLength} bytes; the model expects {channels}x{imageSize}x{imageSize} = {pixels}", "image");
        HostKernelArguments.RequireSameLength(pixels, outputLength);
    }

    /// <summary>
    /// Writes image row y of channel c, already mapped, into the patches it crosses: the p pixels from column px·p go
    /// to patch (y / p, px), at column (c·p + y mod p)·p.
    /// </summary>
    public static void ScatterRow<T>(ReadOnlySpan<T> row, int channels, int imageSize, int patchSize, int channel, int y, Span<T> output)
    {
        int perSide = imageSize / patchSize, features = channels * patchSize * patchSize;
        int py = y / patchSize, i = y % patchSize;
        for (int px = 0; px < perSide; px++)
        {
            int at = (py * perSide + px) * features + (channel * patchSize + i) * patchSize;
            row.Slice(px * patchSize, patchSize).CopyTo(output.Slice(at, patchSize));
        }
    }
}
