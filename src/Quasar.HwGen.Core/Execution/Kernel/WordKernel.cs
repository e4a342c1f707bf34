namespace Quasar.HwGen.Core.Execution.Kernel;

/// <summary>
/// A kernel on words (docs/kernel-layout.md §1): the call's scalars and its a, w, rows arrays in, the out words written,
/// the status returned. The g++-built kernel (CompiledKernelEngine) and the C# model (<see cref="WordGemm"/>) are two.
/// </summary>
public delegate int WordKernel(in KernelWordCall call, ReadOnlySpan<UInt128> a, ReadOnlySpan<UInt128> w, ReadOnlySpan<UInt128> rows, Span<UInt128> output);
