namespace Quasar.HwGen.Core.Numerics;

/// <summary>Which implementation <see cref="GemmEngine"/> runs. All of them give the same int32 result, bit for bit.</summary>
public enum GemmPath
{
    /// <summary>The fastest path this CPU supports.</summary>
    Auto,

    /// <summary>Plain C# loops over the row-major weights; runs everywhere.</summary>
    Scalar,

    /// <summary>256-bit AVX2: <c>vpmaddubsw</c> (u8 × s8 → s16 pairs) then <c>vpmaddwd</c> by ones (→ s32).</summary>
    Avx2,

    /// <summary>256-bit AVX-VNNI: <c>vpdpbusd</c> (u8 × s8, four products summed into s32).</summary>
    AvxVnni,

    /// <summary>512-bit AVX-512BW: the AVX2 instruction pair on 64-byte vectors.</summary>
    Avx512,
}
