namespace Quasar.HwGen.Hardware.Latency;

/// <summary>
/// The host ops of docs/numerics.md §5, and the re-layout of attention operands the kernel's word interface needs
/// (docs/kernel-layout.md), each with its own cost per element (<c>Constants.HostCycles</c>).
/// </summary>
public enum HostOpKind
{
    Patchify,
    Quantize,
    Dequantize,
    LayerNorm,
    Softmax,
    Gelu,
    ResidualAdd,
    Embedding,
    Relayout,
}
