namespace Quasar.HwGen.Hardware.Latency;

/// <summary>The host ops of docs/numerics.md §5, each with its own cost per element (<c>Constants.HostCycles</c>).</summary>
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
}
