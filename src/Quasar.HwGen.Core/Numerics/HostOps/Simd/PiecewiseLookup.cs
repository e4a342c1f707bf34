using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Quasar.HwGen.Core.Numerics.HostOps.Simd;

/// <summary>
/// An int16 → sbyte table that is a step function of at most 64 pieces (a quantized GELU is one: its 6-bit output
/// changes a few dozen times over the int16 inputs), looked up 64 inputs at a time with AVX-512: a branchless binary
/// search of the breakpoints (6 steps of vpermi2w and a compare), then vpermb of the piece values. The values are the
/// table's own entries, so the result is the scalar lookup's bits; the table itself is far too large for registers
/// and costs a cache access per element.
/// </summary>
internal sealed class PiecewiseLookup
{
    public const int MaxPieces = 64;

    /// <summary>
    /// Entry p is breakpoint p − 1, the first input of piece p (entry 0 is never read), so a candidate piece indexes its
    /// own breakpoint; unused ones are 32767 (never above an input but the last).
    /// </summary>
    private readonly Vector512<short> _lowBreakpoints, _highBreakpoints;

    /// <summary>The first input of piece 32: the search's first step compares with it alone, no lookup.</summary>
    private readonly Vector512<short> _middleBreakpoint;

    /// <summary>Value j is piece j's output; unused ones repeat the last piece's.</summary>
    private readonly Vector512<byte> _values;

    private PiecewiseLookup(short[] breakpoints, sbyte[] values)
    {
        var byPiece = new short[MaxPieces];
        breakpoints.AsSpan(0, MaxPieces - 1).CopyTo(byPiece.AsSpan(1));
        _lowBreakpoints = Vector512.Create(byPiece.AsSpan(0, 32));
        _highBreakpoints = Vector512.Create(byPiece.AsSpan(32, 32));
        _middleBreakpoint = Vector512.Create(breakpoints[31]);
        _values = Vector512.Create(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    /// <summary>True when this CPU has AVX-512 BW and VBMI (vpermi2w, vpermb).</summary>
    public static bool IsSupported => Avx512BW.IsSupported && Avx512Vbmi.IsSupported;

    /// <summary>
    /// The lookup for <paramref name="table"/> (65,536 entries, entry q + 32768 for input q), or null when this CPU
    /// lacks the instructions or the table has more than <see cref="MaxPieces"/> pieces.
    /// </summary>
    public static PiecewiseLookup? TryCreate(ReadOnlySpan<sbyte> table)
    {
        if (!IsSupported || table.Length != 1 << 16) return null;
        var breakpoints = new short[MaxPieces];
        var values = new sbyte[MaxPieces];
        values[0] = table[0];
        int pieces = 1;
        for (int entry = 1; entry < table.Length; entry++)
        {
            if (table[entry] == table[entry - 1]) continue;
            if (pieces == MaxPieces) return null;
            breakpoints[pieces - 1] = (short)(entry + short.MinValue);
            values[pieces++] = table[entry];
        }
        breakpoints.AsSpan(pieces - 1).Fill(short.MaxValue);
        values.AsSpan(pieces).Fill(values[pieces - 1]);
        return new PiecewiseLookup(breakpoints, values);
    }

    /// <summary>output[i] = table[input[i] + 32768] for the leading whole groups of 64; returns how many were done.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Apply(ReadOnlySpan<short> input, Span<sbyte> output)
    {
        ref short source = ref MemoryMarshal.GetReference(input);
        ref byte target = ref Unsafe.As<sbyte, byte>(ref MemoryMarshal.GetReference(output));
        int i = 0;
        for (; i <= input.Length - 64; i += 64)
        {
            var first = Piece(Vector512.LoadUnsafe(ref source, (nuint)i));
            var second = Piece(Vector512.LoadUnsafe(ref source, (nuint)i + 32));
            var pieces = Vector512.Create(Avx512BW.ConvertToVector256SByte(first), Avx512BW.ConvertToVector256SByte(second)).AsByte();
            Avx512Vbmi.PermuteVar64x8(_values, pieces).StoreUnsafe(ref target, (nuint)i);
        }
        return i;
    }

    /// <summary>How many of breakpoints 0 … 62 are ≤ each input: the largest p with breakpoint p − 1 ≤ x, found bit by bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector512<short> Piece(Vector512<short> x)
    {
        var piece = Vector512.GreaterThanOrEqual(x, _middleBreakpoint) & Vector512.Create((short)32);
        piece = Step(x, piece, 16);
        piece = Step(x, piece, 8);
        piece = Step(x, piece, 4);
        piece = Step(x, piece, 2);
        return Step(x, piece, 1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector512<short> Step(Vector512<short> x, Vector512<short> piece, short width)
    {
        var candidate = piece + Vector512.Create(width);
        var breakpoint = Avx512BW.PermuteVar32x16x2(_lowBreakpoints, candidate, _highBreakpoints);
        return Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(x, breakpoint), candidate, piece);
    }
}
