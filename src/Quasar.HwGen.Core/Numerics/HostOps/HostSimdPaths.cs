using System.Runtime.Intrinsics;

namespace Quasar.HwGen.Core.Numerics.HostOps;

/// <summary>Which <see cref="HostSimd"/> widths this CPU accelerates, and what <see cref="HostSimd.Auto"/> means here.</summary>
public static class HostSimdPaths
{
    /// <summary>
    /// The width <see cref="HostSimd.Auto"/> chooses on this CPU: 256 bits where accelerated, not 512. Measured on a
    /// Zen 4 core (double-pumped 512-bit units), the 512-bit LayerNorm + quantize is 1.4× slower than the 256-bit one
    /// and softmax no faster (`bench host`); Vector512 stays available by name.
    /// </summary>
    public static HostSimd Best { get; } =
        Vector256.IsHardwareAccelerated ? HostSimd.Vector256
        : Vector128.IsHardwareAccelerated ? HostSimd.Vector128
        : HostSimd.Scalar;

    /// <summary>True when this CPU can run <paramref name="simd"/> in hardware.</summary>
    public static bool IsSupported(HostSimd simd) => simd switch
    {
        HostSimd.Auto or HostSimd.Scalar => true,
        HostSimd.Vector128 => Vector128.IsHardwareAccelerated,
        HostSimd.Vector256 => Vector256.IsHardwareAccelerated,
        HostSimd.Vector512 => Vector512.IsHardwareAccelerated,
        _ => false,
    };

    /// <summary>The concrete width <paramref name="simd"/> runs; throws when this CPU does not accelerate it.</summary>
    public static HostSimd Resolve(HostSimd simd)
    {
        if (simd == HostSimd.Auto) return Best;
        if (!Enum.IsDefined(simd)) throw new ArgumentOutOfRangeException(nameof(simd), simd, "unknown host SIMD width");
        if (!IsSupported(simd)) throw new PlatformNotSupportedException($"host SIMD width {simd} is not accelerated on this CPU (best here: {Best})");
        return simd;
    }
}
