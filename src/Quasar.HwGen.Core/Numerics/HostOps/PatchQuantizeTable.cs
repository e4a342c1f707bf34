using System.Runtime.CompilerServices;
using Quasar.HwGen.Core.Numerics.HostOps.Simd;

namespace Quasar.HwGen.Core.Numerics.HostOps;

/// <summary>
/// Patchify then quantization as one lookup per pixel (docs/numerics.md §6.3): entry c·256 + pixel holds
/// <c>clamp(round_even(Patchify.Normalize(pixel, mean[c], std[c]) / step), min, max)</c>, equal bit for bit to
/// <see cref="Patchify"/> then <see cref="Quantizer"/>. Built once per model.
/// </summary>
public sealed class PatchQuantizeTable
{
    private const int Levels = 256;

    private readonly sbyte[] _values;

    private PatchQuantizeTable(sbyte[] values) => _values = values;

    public int Channels => _values.Length / Levels;

    /// <summary>Entry c·256 + pixel is the quantized normalized pixel of channel c.</summary>
    public ReadOnlySpan<sbyte> Values => _values;

    public static PatchQuantizeTable Create(ReadOnlySpan<float> mean, ReadOnlySpan<float> std, float step, int min, int max)
    {
        Patchify.RequireChannels(mean, std);
        Quantizer.Validate(step, min, max);
        var values = new sbyte[mean.Length * Levels];
        float reciprocal = Quantizer.Reciprocal(step);
        for (int c = 0; c < mean.Length; c++)
        {
            for (int pixel = 0; pixel < Levels; pixel++)
                values[c * Levels + pixel] = Quantizer.Quantize(Patchify.Normalize((byte)pixel, mean[c], std[c]), reciprocal, min, max, c * Levels + pixel);
        }
        return new PatchQuantizeTable(values);
    }

    /// <summary>Writes the quantized patches [(size/p)² × C·p·p] of <paramref name="image"/> (C×H×W bytes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Apply(ReadOnlySpan<byte> image, int imageSize, int patchSize, Span<sbyte> output)
    {
        if (!ByteTableRow.IsSupported || imageSize < ByteTableRow.Lanes)
        {
            var map = new Lookup(_values);
            PatchLayout.Apply(image, Channels, imageSize, patchSize, output, ref map);
            return;
        }
        PatchLayout.RequireShapes(image.Length, Channels, imageSize, patchSize, output.Length);
        // Each image row is looked up whole, 64 pixels per vector, then its p-pixel pieces go to their patches.
        Span<sbyte> row = stackalloc sbyte[imageSize];
        for (int c = 0; c < Channels; c++)
        {
            var table = new ByteTableRow(_values.AsSpan(c * Levels, Levels));
            for (int y = 0; y < imageSize; y++)
            {
                table.Apply(image.Slice((c * imageSize + y) * imageSize, imageSize), row);
                PatchLayout.ScatterRow(row, Channels, imageSize, patchSize, c, y, output);
            }
        }
    }

    private readonly ref struct Lookup(ReadOnlySpan<sbyte> values) : PatchLayout.IPixelMap<sbyte>
    {
        private readonly ReadOnlySpan<sbyte> _values = values;

        public sbyte Map(int channel, byte pixel) => _values[channel * Levels + pixel];
    }
}
