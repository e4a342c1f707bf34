namespace Quasar.HwGen.Codegen.Golden;

/// <summary>One recorded kernel call in words: which op, which image, a, w (attention only; empty for a linear) and the expected out words.</summary>
public sealed record GoldenCall(int OpIndex, int Image, UInt128[] A, UInt128[] W, UInt128[] Expected);
