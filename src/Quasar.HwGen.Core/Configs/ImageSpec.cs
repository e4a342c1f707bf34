namespace Quasar.HwGen.Core.Configs;

/// <summary>
/// The input images of a search space: square, <see cref="Size"/> pixels a side, cut into square patches of
/// <see cref="PatchSize"/> pixels; per-channel <see cref="Mean"/> and <see cref="Std"/> normalise pixels scaled to [0, 1]
/// (<c>(p/255 − mean)/std</c>, docs/numerics.md §6).
/// </summary>
public sealed record ImageSpec(int Size, int PatchSize, int Channels, int Classes, ValueList<double> Mean, ValueList<double> Std)
{
    public int PatchesPerSide => Size / PatchSize;

    /// <summary>Checked: 65,536 patches a side must not wrap to 0 (the rules allow 64).</summary>
    public int PatchCount => CheckedSize.Product(PatchesPerSide, PatchesPerSide, "image.patch_size", "patches (patches a side squared)");

    /// <summary>Patches plus the class token: the row count of every transformer block's GEMMs.</summary>
    public int TokenCount => PatchCount + 1;

    /// <summary>Inputs of the patch-embedding linear: channels × patch × patch.</summary>
    public int PatchFeatures =>
        CheckedSize.Product(Channels, CheckedSize.Product(PatchSize, PatchSize, "image.patch_size", "pixels a patch"), "image.channels", "patch features (channels × pixels a patch)");
}
