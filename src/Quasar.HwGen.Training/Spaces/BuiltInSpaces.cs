namespace Quasar.HwGen.Training.Spaces;

/// <summary>Search spaces known without a config file.</summary>
public static class BuiltInSpaces
{
    /// <summary>
    /// Fashion-MNIST: 28×28×1, patch 4 (49 patches + class token = 50 tokens), embed {64, 80, 96}, depth {4, 5, 6},
    /// heads {2, 3} of 16, MLP ratio {3, 3.5, 4}, 8-bit row ratio {0, 0.25, 0.5, 0.75, 1}.
    /// </summary>
    public static SupernetSpec FashionMnist { get; } = new(
        "fashion-mnist",
        ImageSize: 28,
        PatchSize: 4,
        Channels: 1,
        Classes: 10,
        Mean: [0.2860f],
        Std: [0.3530f],
        EmbedDims: [64, 80, 96],
        Depths: [4, 5, 6],
        Heads: [2, 3],
        HeadDim: 16,
        MlpRatios: [3.0, 3.5, 4.0],
        Row8Ratios: [0.0, 0.25, 0.5, 0.75, 1.0]);
}
