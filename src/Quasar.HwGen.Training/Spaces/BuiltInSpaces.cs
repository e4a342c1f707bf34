namespace Quasar.HwGen.Training.Spaces;

/// <summary>Search spaces known without a config file.</summary>
public static class BuiltInSpaces
{
    /// <summary>
    /// Fashion-MNIST, the values of samples/configs/fashion-mnist.space.yaml: 28×28×1, patch 4 (49 patches + class
    /// token = 50 tokens), embed {64, 80, 96}, depth {4, 5, 6}, heads {2, 3} of 32, MLP ratio {2, 3, 4}, 8-bit row
    /// ratio {0, 0.25, 0.5, 0.75, 1}.
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
        HeadDim: 32,
        MlpRatios: [2.0, 3.0, 4.0],
        Row8Ratios: [0.0, 0.25, 0.5, 0.75, 1.0]);
}
