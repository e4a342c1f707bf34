namespace Quasar.HwGen.Core.Configs;

/// <summary>
/// The candidate values a subnet picks from. The embedding dim and the depth are chosen once per subnet; the heads,
/// the MLP ratio and the 8-bit row ratio of each linear are chosen per layer (the patch embedding and the head pick an
/// 8-bit row ratio too).
/// </summary>
public sealed record SearchChoices(
    ValueList<int> EmbedDims,
    ValueList<int> Depths,
    ValueList<int> Heads,
    ValueList<double> MlpRatios,
    ValueList<double> Row8BitRatios);
