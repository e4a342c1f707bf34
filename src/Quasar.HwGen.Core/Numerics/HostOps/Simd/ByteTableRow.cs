using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Quasar.HwGen.Core.Numerics.HostOps.Simd;

/// <summary>
/// A 256-entry byte table held in four 512-bit registers and applied to a row of bytes 64 at a time with AVX-512 VBMI:
/// <c>vpermi2b</c> looks up the low 7 bits in each half of the table, and bit 7 of the byte picks the half. Pure
/// indexing, so the result is the scalar lookup's bits.
/// </summary>
internal readonly ref struct ByteTableRow
{
    public const int Lanes = 64;

    private readonly Vector512<byte> _lower0, _lower1, _upper0, _upper1;
    private readonly ReadOnlySpan<sbyte> _table;

    public ByteTableRow(ReadOnlySpan<sbyte> table)
    {
        if (table.Length != 256) throw new ArgumentException($"a byte table has 256 entries, not {table.Length}", nameof(table));
        _table = table;
        var bytes = MemoryMarshal.AsBytes(table);
        _lower0 = Vector512.Create(bytes[..64]);
        _lower1 = Vector512.Create(bytes[64..128]);
        _upper0 = Vector512.Create(bytes[128..192]);
        _upper1 = Vector512.Create(bytes[192..]);
    }

    public static bool IsSupported => Avx512Vbmi.IsSupported;

    /// <summary>target[i] = table[source[i]]; whole vectors, then the last 64 bytes again (a lookup can be redone).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Apply(ReadOnlySpan<byte> source, Span<sbyte> target)
    {
        HostKernelArguments.RequireSameLength(source.Length, target.Length);
        if (source.Length < Lanes)
        {
            for (int i = 0; i < source.Length; i++) target[i] = _table[source[i]];
            return;
        }
        ref byte input = ref MemoryMarshal.GetReference(source);
        ref byte output = ref Unsafe.As<sbyte, byte>(ref MemoryMarshal.GetReference(target));
        int at = 0;
        for (; at <= source.Length - Lanes; at += Lanes) Lookup(Vector512.LoadUnsafe(ref input, (nuint)at)).StoreUnsafe(ref output, (nuint)at);
        if (at < source.Length)
        {
            nuint last = (nuint)(source.Length - Lanes);
            Lookup(Vector512.LoadUnsafe(ref input, last)).StoreUnsafe(ref output, last);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector512<byte> Lookup(Vector512<byte> index)
    {
        var lower = Avx512Vbmi.PermuteVar64x8x2(_lower0, index, _lower1);
        var upper = Avx512Vbmi.PermuteVar64x8x2(_upper0, index, _upper1);
        return Vector512.ConditionalSelect(Vector512.GreaterThan(index, Vector512.Create((byte)127)), upper, lower);
    }
}
