using Quasar.HwGen.Core.Numerics.HostOps;

namespace Quasar.Runtime;

/// <summary>How an <see cref="InferenceSession"/> runs.</summary>
public sealed record SessionOptions
{
    /// <summary>
    /// Frames run at once by <see cref="InferenceSession.Run(int, Func{int, ReadOnlyMemory{byte}}, float[], IProgress{int}?, CancellationToken)"/>:
    /// with 2, the host ops of one frame run while the accelerator works on the other (docs/hardware-model.md §5).
    /// </summary>
    public int FramesInFlight { get; init; } = 2;

    /// <summary>The SIMD width of the host ops; every width computes the same bits (docs/numerics.md §6).</summary>
    public HostSimd Simd { get; init; } = HostSimd.Auto;

    /// <summary>Fuse host ops into single passes (LayerNorm + quantize, …). Off runs every op on its own, for tests.</summary>
    public bool Fuse { get; init; } = true;
}
