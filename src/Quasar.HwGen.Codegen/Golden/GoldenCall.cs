namespace Quasar.HwGen.Codegen.Golden;

/// <summary>One recorded kernel call: which op, which image, A, B (attention only; empty for a linear) and the expected output bytes.</summary>
public sealed record GoldenCall(int OpIndex, int Image, byte[] A, byte[] B, byte[] Expected);
