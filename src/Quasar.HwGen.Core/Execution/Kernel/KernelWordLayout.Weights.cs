using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Quasar.HwGen.Core.Execution.Kernel;

public static partial class KernelWordLayout
{
    /// <summary>The weight stream of a call (§3) from the logical B: one block per batch.</summary>
    public static UInt128[] PackWeights(KernelCallPlan plan, ReadOnlySpan<sbyte> b)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var words = new UInt128[plan.Sizes.WWords];
        PackWeights(plan, b, words);
        return words;
    }

    /// <summary>
    /// The weight stream into the first <see cref="KernelWordSizes.WWords"/> words of <paramref name="words"/>: per batch,
    /// per row tile, the header then kt chunks, nibble (slot s, lane l) of chunk c at nibble s·TK + l, holding
    /// B(h, row of s, c·TK + l) as ROW4 (low 4 bits), HIGH (<c>w &gt;&gt; 4</c>) or LOW (<c>w &amp; 15</c>).
    /// </summary>
    public static void PackWeights(KernelCallPlan plan, ReadOnlySpan<sbyte> b, Span<UInt128> words)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var call = plan.Call;
        var sizes = plan.Sizes;
        var tiling = plan.Tiling;
        int k = call.K, tn = plan.Geometry.TileRows, tk = plan.Geometry.TileReduction;
        RequireLogical(b.Length, call.Batches, call.BBatchStride, call.N, call.BRowStride, k, call.BColStride, nameof(b));
        var bytes = MemoryMarshal.AsBytes(Take(words, sizes.WWords, nameof(words)));
        bytes.Clear(); // nibbles are OR-ed in; every padding bit stays 0
        int tileBytes = sizes.TileWords * KernelWordSizes.WordBytes, headerBytes = sizes.HeaderWords * KernelWordSizes.WordBytes;
        int chunkNibbles = sizes.ChunkWords * KernelWordSizes.WordNibbles;
        for (int h = 0; h < call.Batches; h++)
        {
            for (int tile = 0; tile < sizes.RowTiles; tile++)
            {
                var block = bytes.Slice((h * sizes.RowTiles + tile) * tileBytes, tileBytes);
                WriteHeader(block[..headerBytes], tiling, tile);
                var chunks = block[headerBytes..];
                var kinds = tiling.Kinds(tile);
                var rows = tiling.Rows(tile);
                for (int slot = 0; slot < tn; slot++)
                {
                    if (kinds[slot] == NibbleKind.Empty) continue;
                    int shift = kinds[slot] == NibbleKind.High ? 4 : 0;
                    bool fourBit = kinds[slot] == NibbleKind.Row4;
                    int index = h * call.BBatchStride + rows[slot] * call.BRowStride, j = 0;
                    for (int chunk = 0; chunk < sizes.ReductionChunks; chunk++)
                    {
                        int nibble = chunk * chunkNibbles + slot * tk;
                        for (int end = Math.Min(j + tk, k); j < end; j++, nibble++, index += call.BColStride)
                        {
                            int w = b[index];
                            if (fourBit && (uint)(w + 8) > 15)
                                throw new ArgumentOutOfRangeException(nameof(b), w, $"weight ({h}, {rows[slot]}, {j}) of a 4-bit row is outside [−8, 7]");
                            chunks[nibble >> 1] |= (byte)(((w >> shift) & 0xF) << ((nibble & 1) << 2));
                        }
                    }
                }
            }
        }
    }

    /// <summary>Bits [31:0] <c>first_row</c>, bits [32+2i+1 : 32+2i] the kind of slot i.</summary>
    private static void WriteHeader(Span<byte> header, NibbleRowTiling tiling, int tile)
    {
        BinaryPrimitives.WriteInt32LittleEndian(header, tiling.FirstRow(tile));
        var kinds = tiling.Kinds(tile);
        for (int slot = 0; slot < kinds.Length; slot++)
            header[4 + (slot >> 2)] |= (byte)((int)kinds[slot] << ((slot & 3) << 1));
    }
}
