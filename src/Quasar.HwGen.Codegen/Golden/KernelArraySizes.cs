namespace Quasar.HwGen.Codegen.Golden;

/// <summary>
/// Words of each kernel array the largest call uses (the m_axi depths, <c>quasar::KernelDepths</c>), and the most
/// batches and tokens (m) of any call: the engine's loop trip counts for the csynth report. <see cref="Out"/> is per
/// output port (out0 and out1 share the depth; out0 holds the larger half).
/// </summary>
public sealed record KernelArraySizes(int A, int W, int Rows, int Out, int Batches = 1, int Tokens = 1);
