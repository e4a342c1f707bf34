namespace Quasar.HwGen.Codegen.Golden;

/// <summary>Elements of each kernel array the largest call uses: A, B and out in bytes, the row tables in entries.</summary>
public sealed record KernelArraySizes(int A, int B, int Output, int TableRows);
