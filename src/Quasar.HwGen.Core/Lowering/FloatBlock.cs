namespace Quasar.HwGen.Core.Lowering;

/// <summary>One block's float parameters and learned activation steps (null steps are calibrated at lowering).</summary>
/// <param name="Qkv">Rows: Q (heads·d), then K, then V — the AutoFormer qkv layout.</param>
/// <param name="Sls1">SLS λ after attention (per embedding channel); <paramref name="Sls2"/> after the MLP.</param>
public sealed record FloatBlock(
    float[] Norm1Gamma,
    float[] Norm1Beta,
    FloatLinear Qkv,
    FloatLinear Proj,
    float[] Sls1,
    float[] Norm2Gamma,
    float[] Norm2Beta,
    FloatLinear Fc1,
    FloatLinear Fc2,
    float[] Sls2,
    BlockSteps Steps);
