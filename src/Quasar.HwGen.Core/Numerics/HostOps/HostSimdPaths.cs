using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Quasar.HwGen.Core.Numerics.HostOps;

/// <summary>Which <see cref="HostSimd"/> widths this CPU accelerates, and what <see cref="HostSimd.Auto"/> means here.</summary>
public static class HostSimdPaths
{
    /// <summary>
    /// The width <see cref="HostSimd.Auto"/> chooses on this CPU: the widest accelerated one, except 512 bits on a core
    /// that splits 512-bit instructions into two 256-bit halves (AMD Zen 4). Measured with `bench host` and
    /// `bench model`: on Zen 4 the 512-bit LayerNorm + quantize is 1.4× slower than the 256-bit one; on a Zen 5 core
    /// (full 512-bit units) the QUASAR-S-like frame's host ops take 0.86× the 256-bit time. .NET itself already reports
    /// 512 bits as unaccelerated on Intel cores that slow their clock for them. Every width gives the same bits.
    /// </summary>
    public static HostSimd Best { get; } =
        Vector512.IsHardwareAccelerated && !SplitsVector512() ? HostSimd.Vector512
        : Vector256.IsHardwareAccelerated ? HostSimd.Vector256
        : Vector128.IsHardwareAccelerated ? HostSimd.Vector128
        : HostSimd.Scalar;

    /// <summary>True on this CPU when it is an AMD family 19h core (Zen 4), whose AVX-512 runs through 256-bit units twice.</summary>
    private static bool SplitsVector512()
    {
        if (!X86Base.IsSupported) return false;
        var (_, vendor0, vendor2, vendor1) = X86Base.CpuId(0, 0);
        return IsAmdFamily19h(vendor0, vendor1, vendor2, X86Base.CpuId(1, 0).Eax);
    }

    /// <summary>The vendor string (CPUID 0: EBX, EDX, ECX) is "AuthenticAMD" and the signature (CPUID 1: EAX) family 19h.</summary>
    internal static bool IsAmdFamily19h(int vendor0, int vendor1, int vendor2, int signature)
    {
        bool amd = vendor0 == 0x68747541 && vendor1 == 0x69746E65 && vendor2 == 0x444D4163; // "Auth" "enti" "cAMD"
        int family = ((signature >> 8) & 0xF) + ((signature >> 20) & 0xFF);
        return amd && family == 0x19;
    }

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
