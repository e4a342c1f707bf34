namespace Quasar.HwGen.Core.Configs;

/// <summary>
/// One transformer block of a subnet: its heads, its MLP ratio, and the fraction of 8-bit weight rows in each of its
/// four linears (qkv, attention projection, fc1, fc2); the other rows are 4-bit.
/// </summary>
public sealed record SubnetLayer(
    int Heads,
    double MlpRatio,
    double QkvRow8Bit,
    double ProjRow8Bit,
    double Fc1Row8Bit,
    double Fc2Row8Bit)
{
    /// <summary>A layer whose four linears share one 8-bit row ratio.</summary>
    public static SubnetLayer Uniform(int heads, double mlpRatio, double row8Bit) =>
        new(heads, mlpRatio, row8Bit, row8Bit, row8Bit, row8Bit);
}
