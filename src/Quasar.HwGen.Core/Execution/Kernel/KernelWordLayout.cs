namespace Quasar.HwGen.Core.Execution.Kernel;

/// <summary>
/// The host side of the word interface (docs/kernel-layout.md §2–3): the one place the logical operands of a call
/// become the kernel's 128-bit words (A, the row tables, the weight stream) and its output words become the logical
/// output again. The golden vectors, the g++ kernel adapter and the C# model of the kernel all take their words from
/// here. Words are <see cref="UInt128"/>, byte b of a word its bits [8b+7 : 8b] (the machine is little endian).
/// Methods that fill a caller's span write exactly the call's words, padding included; the rest of the span is left.
/// </summary>
public static partial class KernelWordLayout
{
    /// <summary>The plan of one call whose rows are 8-bit as <paramref name="rowIs8"/> says (ignored with ALL_8BIT).</summary>
    public static KernelCallPlan Plan(in GemmCall call, ReadOnlySpan<byte> rowIs8, KernelGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        return Plan(call, NibbleRowTiling.Create(call, rowIs8, geometry.TileRows), geometry);
    }

    /// <summary>The plan of one call with a tiling made before for the same rows (an op's calls share it).</summary>
    public static KernelCallPlan Plan(in GemmCall call, NibbleRowTiling tiling, KernelGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(tiling);
        ArgumentNullException.ThrowIfNull(geometry);
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("the word layout views UInt128 words as little-endian bytes");
        if (tiling.OutputRows != call.N || tiling.TileRows != geometry.TileRows)
            throw new ArgumentException($"the tiling of {tiling.OutputRows} rows into tiles of {tiling.TileRows} is not the tiling of a call of n = {call.N} on {geometry}", nameof(tiling));
        return new KernelCallPlan(call, tiling, geometry);
    }

    /// <summary>The first <paramref name="count"/> words of <paramref name="words"/>, or an exception naming the array when it is shorter.</summary>
    private static Span<UInt128> Take(Span<UInt128> words, int count, string array)
    {
        if (words.Length < count) throw new ArgumentException($"{array} holds {words.Length} words, the call needs {count}", array);
        return words[..count];
    }

    private static ReadOnlySpan<UInt128> Take(ReadOnlySpan<UInt128> words, int count, string array)
    {
        if (words.Length < count) throw new ArgumentException($"{array} holds {words.Length} words, the call needs {count}", array);
        return words[..count];
    }

    /// <summary>Checks that every element (h, row, col) of a strided logical array lies within its <paramref name="length"/> elements.</summary>
    private static void RequireLogical(int length, int batches, int batchStride, int rows, int rowStride, int cols, int colStride, string array)
    {
        if (batchStride < 0 || rowStride < 0 || colStride < 0)
            throw new ArgumentException($"the strides of {array} ({batchStride}, {rowStride}, {colStride}) must not be negative", array);
        long last = (long)(batches - 1) * batchStride + (long)(rows - 1) * rowStride + (long)(cols - 1) * colStride;
        if (last >= length)
            throw new ArgumentException($"{array} holds {length} elements, the call addresses element {last}", array);
    }
}
