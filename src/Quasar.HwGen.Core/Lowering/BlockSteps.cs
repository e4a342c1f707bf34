namespace Quasar.HwGen.Core.Lowering;

/// <summary>
/// The learned steps of a block's quantizers (docs/numerics.md §5); null means "calibrate at lowering".
/// QkvInput: LN1 output; Query/Key/Value: the attention operands; Probabilities: softmax output;
/// ProjInput: attention context; Fc1Input: LN2 output; Fc2Input: GELU output.
/// </summary>
public sealed record BlockSteps(
    float? QkvInput = null,
    float? Query = null,
    float? Key = null,
    float? Value = null,
    float? Probabilities = null,
    float? ProjInput = null,
    float? Fc1Input = null,
    float? Fc2Input = null);
