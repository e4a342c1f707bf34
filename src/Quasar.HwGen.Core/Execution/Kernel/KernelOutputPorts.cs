namespace Quasar.HwGen.Core.Execution.Kernel;

/// <summary>
/// The kernel writes its output stream (docs/kernel-layout.md §2) through two ports so that the writing keeps up with
/// the array: within every (batch, token tile, writing row tile) group, the OW words of the group's i-th token go to out{i mod 2},
/// in order. These put the two ports' words back into the stream, and split a stream into them.
/// </summary>
public static class KernelOutputPorts
{
    /// <summary>The stream of the call from the words of out0 and out1.</summary>
    public static void Merge(in KernelWordCall call, in KernelWordSizes sizes, KernelGeometry geometry,
        ReadOnlySpan<UInt128> out0, ReadOnlySpan<UInt128> out1, Span<UInt128> stream)
    {
        Require(sizes, geometry, out0.Length, out1.Length, stream.Length);
        int ow = sizes.OutputWordsPerToken, at = 0, at0 = 0, at1 = 0;
        for (int group = 0; group < Groups(call, sizes); group++)
            for (int t = 0, tokens = TokensOfGroup(call, sizes, geometry, group); t < tokens; t++, at += ow)
            {
                if ((t & 1) == 0) { out0.Slice(at0, ow).CopyTo(stream.Slice(at, ow)); at0 += ow; }
                else { out1.Slice(at1, ow).CopyTo(stream.Slice(at, ow)); at1 += ow; }
            }
    }

    /// <summary>The stream split into the words each port writes (the inverse of <see cref="Merge"/>).</summary>
    public static void Split(in KernelWordCall call, in KernelWordSizes sizes, KernelGeometry geometry,
        ReadOnlySpan<UInt128> stream, Span<UInt128> out0, Span<UInt128> out1)
    {
        Require(sizes, geometry, out0.Length, out1.Length, stream.Length);
        int ow = sizes.OutputWordsPerToken, at = 0, at0 = 0, at1 = 0;
        for (int group = 0; group < Groups(call, sizes); group++)
            for (int t = 0, tokens = TokensOfGroup(call, sizes, geometry, group); t < tokens; t++, at += ow)
            {
                if ((t & 1) == 0) { stream.Slice(at, ow).CopyTo(out0.Slice(at0, ow)); at0 += ow; }
                else { stream.Slice(at, ow).CopyTo(out1.Slice(at1, ow)); at1 += ow; }
            }
    }

    // Groups in stream order: batch, token tile, writing row tile (one per group of TN rows).
    private static int Groups(in KernelWordCall call, in KernelWordSizes sizes) => call.Batches * sizes.TokenTiles * sizes.OutputGroups;

    private static int TokensOfGroup(in KernelWordCall call, in KernelWordSizes sizes, KernelGeometry geometry, int group)
    {
        int tile = group / sizes.OutputGroups % sizes.TokenTiles;
        return Math.Min(geometry.TileTokens, call.M - tile * geometry.TileTokens);
    }

    private static void Require(in KernelWordSizes sizes, KernelGeometry geometry, int out0Length, int out1Length, int streamLength)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        if (out0Length < sizes.Out0Words || out1Length < sizes.Out1Words || streamLength < sizes.OutWords)
            throw new ArgumentException($"the output ports hold {out0Length} and {out1Length} words and the stream {streamLength}; the call needs {sizes.Out0Words}, {sizes.Out1Words} and {sizes.OutWords}");
    }
}
