using Quasar.HwGen.Core.Configs;

namespace Quasar.HwGen.Core.Lowering;

/// <summary>The concrete shape of one subnet, everything lowering needs and nothing about how it was chosen.</summary>
/// <param name="PatchEmbedRow8">Fraction of 8-bit rows of the patch-embedding linear; <paramref name="HeadRow8"/> likewise for the head.</param>
public sealed record VitArchitecture(
    int ImageSize,
    int PatchSize,
    int Channels,
    int Classes,
    float[] Mean,
    float[] Std,
    int EmbedDim,
    IReadOnlyList<BlockArchitecture> Blocks,
    double PatchEmbedRow8,
    double HeadRow8)
{
    public int PatchCount => CheckedSize.Product(ImageSize / PatchSize, ImageSize / PatchSize, "image.patch_size", "patches (patches a side squared)");

    public int Tokens => PatchCount + 1;

    public int PatchFeatures =>
        CheckedSize.Product(Channels, CheckedSize.Product(PatchSize, PatchSize, "image.patch_size", "pixels a patch"), "image.channels", "patch features (channels × pixels a patch)");

    /// <summary>The architecture of <paramref name="subnet"/>, which must belong to <paramref name="space"/> (validated).</summary>
    public static VitArchitecture FromSubnet(Subnet subnet, SearchSpace space)
    {
        ArgumentNullException.ThrowIfNull(subnet);
        ArgumentNullException.ThrowIfNull(space);
        subnet.Validate(space);
        var image = space.Image;
        var blocks = subnet.Layers.Select(layer => new BlockArchitecture(
            layer.Heads, space.HeadDim, SearchSpace.HiddenDim(subnet.EmbedDim, layer.MlpRatio),
            layer.QkvRow8Bit, layer.ProjRow8Bit, layer.Fc1Row8Bit, layer.Fc2Row8Bit)).ToList();
        return new VitArchitecture(image.Size, image.PatchSize, image.Channels, image.Classes,
            [.. image.Mean.Select(m => (float)m)], [.. image.Std.Select(s => (float)s)],
            subnet.EmbedDim, blocks, subnet.PatchEmbedRow8Bit, subnet.HeadRow8Bit);
    }
}
