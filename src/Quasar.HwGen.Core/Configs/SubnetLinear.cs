namespace Quasar.HwGen.Core.Configs;

/// <summary>
/// One linear layer of a subnet as a GEMM: <see cref="Tokens"/> rows of activations times an
/// <see cref="OutFeatures"/> × <see cref="InFeatures"/> weight of which <see cref="EightBitRows"/> rows are 8-bit and the rest 4-bit.
/// </summary>
public sealed record SubnetLinear(string Name, int Tokens, int InFeatures, int OutFeatures, double Row8BitRatio)
{
    public long Macs => CheckedSize.Product(Tokens, Weights, Name, "MACs (tokens × weights)");

    public long Weights => (long)InFeatures * OutFeatures;

    public int EightBitRows => EightBitRowCount(OutFeatures, Row8BitRatio);

    public long EightBitWeights => (long)EightBitRows * InFeatures;

    /// <summary>Weight storage in bits: 8 per weight of an 8-bit row, 4 per weight of a 4-bit row.</summary>
    public long WeightBits => CheckedSize.Product(4, Weights + EightBitWeights, Name, "weight bits (4 × (weights + 8-bit weights))");

    /// <summary>
    /// The project's rule for turning a ratio into rows: the nearest whole number of rows, halves rounded up
    /// (10 rows at 0.25 → 3). Training, export and the hardware model must all use this one rule.
    /// </summary>
    public static int EightBitRowCount(int rows, double ratio) => (int)Math.Round(rows * ratio, MidpointRounding.AwayFromZero);
}
