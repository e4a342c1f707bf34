namespace Quasar.HwGen.Core.Configs;

/// <summary>
/// The input images of a search space: square, <see cref="Size"/> pixels a side, cut into square patches of
/// <see cref="PatchSize"/> pixels; per-channel <see cref="Mean"/> and <see cref="Std"/> normalise pixels scaled to [0, 1]
/// (<c>(p/255 − mean)/std</c>, docs/numerics.md §6).
/// </summary>
public sealed record ImageSpec(int Size, int PatchSize, int Channels, int Classes, ValueList<double> Mean, ValueList<double> Std)
{
    public int PatchesPerSide => Size / PatchSize;

    public int PatchCount => PatchesPerSide * PatchesPerSide;

    /// <summary>Patches plus the class token: the row count of every transformer block's GEMMs.</summary>
    public int TokenCount => PatchCount + 1;

    /// <summary>Inputs of the patch-embedding linear: channels × patch × patch.</summary>
    public int PatchFeatures => Channels * PatchSize * PatchSize;
}
