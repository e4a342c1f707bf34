namespace Quasar.HwGen.Core.Lowering;

/// <summary>A float linear layer (Out × In weights, row-major) with its row-precision map.</summary>
public sealed record FloatLinear(int Out, int In, float[] Weight, float[] Bias, bool[] RowIs8Bit);
