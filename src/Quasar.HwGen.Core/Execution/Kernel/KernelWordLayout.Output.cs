using System.Runtime.InteropServices;

namespace Quasar.HwGen.Core.Execution.Kernel;

public static partial class KernelWordLayout
{
    /// <summary>
    /// The kernel's output words (§2) into the logical output: element (h, t, r) at element index
    /// h·out_batch_stride + t·out_row_stride + r, out_bytes bytes little endian, as <see cref="KernelBytes.ToTensor"/>
    /// reads it. Only the writing tiles carry outputs; the padding past n is skipped.
    /// </summary>
    public static void UnpackOutput(KernelCallPlan plan, ReadOnlySpan<UInt128> words, Span<byte> output)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var call = plan.Call;
        int bytes = call.OutBytes;
        RequireLogical(output.Length / bytes, call.Batches, call.OutBatchStride, call.M, call.OutRowStride, call.N, 1, nameof(output));
        var source = MemoryMarshal.AsBytes(Take(words, plan.Sizes.OutWords, nameof(words)));
        for (int h = 0; h < call.Batches; h++)
        {
            for (int t = 0; t < call.M; t++)
            {
                int rowStart = (h * call.OutBatchStride + t * call.OutRowStride) * bytes;
                for (int tile = 0, group = 0; tile < plan.Sizes.RowTiles; tile++)
                {
                    if (!plan.Tiling.Writes(tile)) continue;
                    var block = source[(OutputWord(plan, h, t, group++) * KernelWordSizes.WordBytes)..];
                    var slots = plan.Tiling.CompletingSlots(tile);
                    var rows = plan.Tiling.CompletedRows(tile);
                    for (int i = 0; i < slots.Length; i++)
                    {
                        int from = slots[i] * bytes, to = rowStart + rows[i] * bytes;
                        output[to] = block[from];
                        if (bytes == 2) output[to + 1] = block[from + 1];
                    }
                }
            }
        }
    }

    /// <summary>The inverse of <see cref="UnpackOutput"/>: the words the kernel writes for this logical output, holes 0.</summary>
    public static UInt128[] PackOutput(KernelCallPlan plan, ReadOnlySpan<byte> output)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var words = new UInt128[plan.Sizes.OutWords];
        PackOutput(plan, output, words);
        return words;
    }

    /// <summary>The output words of <paramref name="output"/> into the first <see cref="KernelWordSizes.OutWords"/> words of <paramref name="words"/>.</summary>
    public static void PackOutput(KernelCallPlan plan, ReadOnlySpan<byte> output, Span<UInt128> words)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var call = plan.Call;
        int bytes = call.OutBytes;
        RequireLogical(output.Length / bytes, call.Batches, call.OutBatchStride, call.M, call.OutRowStride, call.N, 1, nameof(output));
        var destination = MemoryMarshal.AsBytes(Take(words, plan.Sizes.OutWords, nameof(words)));
        destination.Clear();
        for (int h = 0; h < call.Batches; h++)
        {
            for (int t = 0; t < call.M; t++)
            {
                int rowStart = (h * call.OutBatchStride + t * call.OutRowStride) * bytes;
                for (int tile = 0, group = 0; tile < plan.Sizes.RowTiles; tile++)
                {
                    if (!plan.Tiling.Writes(tile)) continue;
                    var block = destination[(OutputWord(plan, h, t, group++) * KernelWordSizes.WordBytes)..];
                    var slots = plan.Tiling.CompletingSlots(tile);
                    var rows = plan.Tiling.CompletedRows(tile);
                    for (int i = 0; i < slots.Length; i++)
                    {
                        int to = slots[i] * bytes, from = rowStart + rows[i] * bytes;
                        block[to] = output[from];
                        if (bytes == 2) block[to + 1] = output[from + 1];
                    }
                }
            }
        }
    }

    /// <summary>
    /// The first output word of token t of batch h in the writing tile of row group <paramref name="group"/>: the engine
    /// writes per batch, per token tile (t0 = its first token), per group of TN rows, per token, OW words.
    /// </summary>
    private static int OutputWord(KernelCallPlan plan, int h, int t, int group)
    {
        int tm = plan.Geometry.TileTokens, m = plan.Call.M;
        int t0 = t / tm * tm, tokensInTile = Math.Min(tm, m - t0);
        return ((h * m + t0) * plan.Sizes.OutputGroups + group * tokensInTile + (t - t0)) * plan.Sizes.OutputWordsPerToken;
    }
}
