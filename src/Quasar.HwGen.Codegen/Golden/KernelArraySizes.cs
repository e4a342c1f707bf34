namespace Quasar.HwGen.Codegen.Golden;

/// <summary>
/// Elements of each kernel array the largest call uses (A, B and out in bytes, the row tables in entries), and the
/// most batches and tokens (m) of any call: the engine's loop trip counts for the csynth report.
/// </summary>
public sealed record KernelArraySizes(int A, int B, int Output, int TableRows, int Batches = 1, int Tokens = 1);
