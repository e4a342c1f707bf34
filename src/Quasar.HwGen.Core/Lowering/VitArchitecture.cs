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
    public int PatchCount => (ImageSize / PatchSize) * (ImageSize / PatchSize);

    public int Tokens => PatchCount + 1;

    public int PatchFeatures => Channels * PatchSize * PatchSize;
}
