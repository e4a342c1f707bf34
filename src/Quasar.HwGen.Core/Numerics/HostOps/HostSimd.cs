namespace Quasar.HwGen.Core.Numerics.HostOps;

/// <summary>
/// Which vector width a host kernel runs with. Every width gives the same bits (docs/numerics.md §6.1): the choice
/// only changes speed. Vector128 is NEON on arm64; the 256- and 512-bit paths run on x64 (AVX2, AVX-512).
/// </summary>
public enum HostSimd
{
    /// <summary>
    /// The fastest width on this CPU (<see cref="HostSimdPaths.Best"/>): the widest accelerated one, but 256 bits on
    /// Zen 4.
    /// </summary>
    Auto,

    /// <summary>Plain scalar float32 loops; runs everywhere.</summary>
    Scalar,

    Vector128,

    Vector256,

    /// <summary>512-bit element-wise passes; reductions still use one 256-bit accumulator (the 8-lane order).</summary>
    Vector512,
}
