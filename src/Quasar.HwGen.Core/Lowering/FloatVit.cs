namespace Quasar.HwGen.Core.Lowering;

/// <summary>A subnet's float parameters (from a checkpoint, or a seeded initializer) ready to be lowered.</summary>
/// <param name="PositionEmbedding">Tokens × EmbedDim, row 0 for the class token.</param>
public sealed record FloatVit(
    VitArchitecture Architecture,
    FloatLinear PatchEmbed,
    float[] ClassToken,
    float[] PositionEmbedding,
    IReadOnlyList<FloatBlock> Blocks,
    float[] NormGamma,
    float[] NormBeta,
    FloatLinear Head,
    float? InputStep = null,
    float? HeadInputStep = null);
