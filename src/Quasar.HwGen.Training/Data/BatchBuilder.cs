using Quasar.HwGen.Core.Data;
using Quasar.HwGen.Training.Spaces;
using static TorchSharp.torch;

namespace Quasar.HwGen.Training.Data;

/// <summary>
/// Turns byte images into a normalized float batch [B, C, H, W]: pixel p becomes (p/255 − mean)/std in float32
/// (docs/numerics.md §6), optionally after a random crop with zero padding and a random horizontal flip drawn from a
/// caller-owned <see cref="Random"/> (so a step's augmentation is a function of its seed).
/// </summary>
public sealed class BatchBuilder
{
    private readonly float[][] _lookup;
    private readonly int _channels;
    private readonly int _size;

    public BatchBuilder(SupernetSpec spec, int cropPadding = 2)
    {
        ArgumentNullException.ThrowIfNull(spec);
        _channels = spec.Channels;
        _size = spec.ImageSize;
        CropPadding = cropPadding;
        _lookup = new float[_channels][];
        for (int c = 0; c < _channels; c++)
        {
            _lookup[c] = new float[256];
            for (int p = 0; p < 256; p++) _lookup[c][p] = Normalize((byte)p, spec.Mean[c], spec.Std[c]);
        }
    }

    public int CropPadding { get; }

    /// <summary>The normalized value of one pixel, as the host computes it.</summary>
    public static float Normalize(byte pixel, float mean, float std) => (pixel / 255f - mean) / std;

    /// <summary>Builds the batch of <paramref name="indices"/>; <paramref name="augment"/> null means no augmentation.</summary>
    public Tensor Build(LabeledImages images, ReadOnlySpan<int> indices, Random? augment)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.Channels != _channels || images.Height != _size || images.Width != _size)
            throw new ArgumentException($"images are {images.Channels}×{images.Height}×{images.Width}, the search space expects {_channels}×{_size}×{_size}");
        int plane = _size * _size, perImage = _channels * plane;
        var data = new float[indices.Length * perImage];
        for (int b = 0; b < indices.Length; b++)
        {
            var source = images.Image(indices[b]);
            int dx = 0, dy = 0;
            bool flip = false;
            if (augment is not null)
            {
                dx = augment.Next(2 * CropPadding + 1) - CropPadding;
                dy = augment.Next(2 * CropPadding + 1) - CropPadding;
                flip = augment.Next(2) == 1;
            }
            var target = data.AsSpan(b * perImage, perImage);
            for (int c = 0; c < _channels; c++)
            {
                var lookup = _lookup[c];
                for (int y = 0; y < _size; y++)
                {
                    int sy = y + dy;
                    for (int x = 0; x < _size; x++)
                    {
                        int sx = (flip ? _size - 1 - x : x) + dx;
                        byte pixel = sy >= 0 && sy < _size && sx >= 0 && sx < _size ? source[c * plane + sy * _size + sx] : (byte)0;
                        target[c * plane + y * _size + x] = lookup[pixel];
                    }
                }
            }
        }
        return tensor(data, [indices.Length, _channels, _size, _size]);
    }

    /// <summary>The labels of <paramref name="indices"/> as an int64 tensor.</summary>
    public static Tensor Labels(LabeledImages images, ReadOnlySpan<int> indices)
    {
        ArgumentNullException.ThrowIfNull(images);
        var labels = new long[indices.Length];
        for (int b = 0; b < indices.Length; b++) labels[b] = images.Labels[indices[b]];
        return tensor(labels);
    }
}
