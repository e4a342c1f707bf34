namespace Quasar.HwGen.Core.Lowering.Export;

/// <summary>
/// model.json of a subnet weights export: the search space and the subnet as their YAML (the same text quasar writes
/// for them), then the <see cref="FloatVit"/> fields but its architecture, which the YAML determines. Arrays are stored
/// out of line in weights.bin, as in an IR package.
/// </summary>
internal sealed record SubnetWeightsDocument(
    string SpaceYaml,
    string SubnetYaml,
    FloatLinear PatchEmbed,
    float[] ClassToken,
    float[] PositionEmbedding,
    IReadOnlyList<FloatBlock> Blocks,
    float[] NormGamma,
    float[] NormBeta,
    FloatLinear Head,
    float? InputStep,
    float? HeadInputStep);
