using Quasar.HwGen.Core.Configs;

namespace Quasar.HwGen.Hardware.Latency;

/// <summary>
/// The ops of one inference of a subnet, in the order and placement of docs/numerics.md §5: host ops with their
/// element counts, FPGA GEMMs (one kernel call each) with their shapes and what they exchange with the host through
/// shared DDR.
/// Q, K and V are three GEMMs over the qkv rows; the 8-bit rows are the leading rows of the qkv weight
/// (RowPrecisionMap.Leading), so they fill Q first, then K, then V.
/// </summary>
public static class VitWorkload
{
    /// <summary>Bytes of a 6-bit or int8 tensor element and of an int16 one.</summary>
    private const int Byte = 1, Int16 = 2;

    public static void Walk<TSink>(Subnet subnet, SearchSpace space, ref TSink sink) where TSink : struct, IWorkloadSink
    {
        ArgumentNullException.ThrowIfNull(subnet);
        ArgumentNullException.ThrowIfNull(space);
        var image = space.Image;
        int d = subnet.EmbedDim, tokens = image.TokenCount, patches = image.PatchCount, features = image.PatchFeatures;
        int headDim = space.HeadDim;

        sink.Host(VitOp.Patchify, -1, HostOpKind.Patchify, (long)patches * features);
        sink.Host(VitOp.PatchQuantize, -1, HostOpKind.Quantize, (long)patches * features);
        var patchEmbed = new GemmShape(patches, features, d, SubnetLinear.EightBitRowCount(d, subnet.PatchEmbedRow8Bit), Int16);
        sink.Gemm(VitOp.PatchEmbed, -1, patchEmbed, patchEmbed.InputBytes, patchEmbed.OutputBytesTotal);
        sink.Host(VitOp.Embedding, -1, HostOpKind.Embedding, (long)tokens * d);

        long tokenElements = (long)tokens * d;
        for (int i = 0; i < subnet.Layers.Count; i++)
        {
            var layer = subnet.Layers[i];
            int heads = layer.Heads, attention = space.AttentionDim(heads);
            int hidden = SearchSpace.HiddenDim(d, layer.MlpRatio);
            int qkv8 = SubnetLinear.EightBitRowCount(CheckedSize.Product(3, attention, "head_dim", "qkv rows"), layer.QkvRow8Bit);

            sink.Host(VitOp.Norm1, i, HostOpKind.LayerNorm, tokenElements);
            sink.Host(VitOp.QkvQuantize, i, HostOpKind.Quantize, tokenElements);
            var query = new GemmShape(tokens, d, attention, Math.Min(qkv8, attention), Byte);
            var key = query with { EightBitRows = Math.Clamp(qkv8 - attention, 0, attention) };
            var value = query with { EightBitRows = Math.Clamp(qkv8 - 2 * attention, 0, attention) };
            sink.Gemm(VitOp.Query, i, query, query.InputBytes, query.OutputBytesTotal);
            sink.Gemm(VitOp.Key, i, key, 0, key.OutputBytesTotal);
            sink.Gemm(VitOp.Value, i, value, 0, value.OutputBytesTotal);
            // The word interface reads A as padded token rows and B as a tiled nibble stream: the host moves Q into the
            // heads' A rows, K and Vᵀ into their weight streams (docs/kernel-layout.md §2–3).
            long attentionElements = (long)tokens * attention;
            sink.Host(VitOp.QkvRelayout, i, HostOpKind.Relayout, 3 * attentionElements);

            // One call, the heads as its batches (docs/hls-engine.md §1): Q (tokens × head dim) against the int8 keys,
            // every key row two nibble rows, one table entry; int16 scores to the host.
            var scores = new GemmShape(tokens, headDim, tokens, tokens, Int16, Batches: heads, PerTensor: true);
            sink.Gemm(VitOp.Scores, i, scores, scores.InputBytes + scores.WeightBytes, scores.OutputBytesTotal);
            long scoreElements = (long)heads * tokens * tokens;
            sink.Host(VitOp.Softmax, i, HostOpKind.Softmax, scoreElements);
            sink.Host(VitOp.ProbabilityQuantize, i, HostOpKind.Quantize, scoreElements);
            // One call, the heads as its batches: P (tokens × tokens, 6-bit, from the host) against the int8 values (the
            // Vᵀ stream); 6-bit context back to the host, which lays it out as the projection's A rows.
            var context = new GemmShape(tokens, tokens, headDim, headDim, Byte, Batches: heads, PerTensor: true);
            sink.Gemm(VitOp.Context, i, context, context.InputBytes + context.WeightBytes, context.OutputBytesTotal);
            sink.Host(VitOp.ContextRelayout, i, HostOpKind.Relayout, attentionElements);

            var projection = new GemmShape(tokens, attention, d, SubnetLinear.EightBitRowCount(d, layer.ProjRow8Bit), Int16);
            sink.Gemm(VitOp.Projection, i, projection, projection.InputBytes, projection.OutputBytesTotal);
            sink.Host(VitOp.Residual1, i, HostOpKind.ResidualAdd, tokenElements);
            sink.Host(VitOp.Norm2, i, HostOpKind.LayerNorm, tokenElements);
            sink.Host(VitOp.Fc1Quantize, i, HostOpKind.Quantize, tokenElements);
            var fc1 = new GemmShape(tokens, d, hidden, SubnetLinear.EightBitRowCount(hidden, layer.Fc1Row8Bit), Int16);
            sink.Gemm(VitOp.Fc1, i, fc1, fc1.InputBytes, fc1.OutputBytesTotal);
            sink.Host(VitOp.Gelu, i, HostOpKind.Gelu, (long)tokens * hidden);
            sink.Host(VitOp.Fc2Quantize, i, HostOpKind.Quantize, (long)tokens * hidden);
            var fc2 = new GemmShape(tokens, hidden, d, SubnetLinear.EightBitRowCount(d, layer.Fc2Row8Bit), Int16);
            sink.Gemm(VitOp.Fc2, i, fc2, fc2.InputBytes, fc2.OutputBytesTotal);
            sink.Host(VitOp.Residual2, i, HostOpKind.ResidualAdd, tokenElements);
        }

        int after = subnet.Layers.Count;
        sink.Host(VitOp.FinalNorm, after, HostOpKind.LayerNorm, tokenElements);
        sink.Host(VitOp.HeadQuantize, after, HostOpKind.Quantize, d);
        var head = new GemmShape(1, d, image.Classes, SubnetLinear.EightBitRowCount(image.Classes, subnet.HeadRow8Bit), Int16);
        sink.Gemm(VitOp.Head, after, head, head.InputBytes, head.OutputBytesTotal);
        sink.Host(VitOp.LogitsDequantize, after, HostOpKind.Dequantize, image.Classes);
    }

    /// <summary>The longest reduction (K) of any GEMM of the subnet: what the engine's buffers must hold.</summary>
    public static int MaxReduction(Subnet subnet, SearchSpace space)
    {
        var bounds = new BoundsSink();
        Walk(subnet, space, ref bounds);
        return bounds.MaxReduction;
    }

    /// <summary>The most output rows of any GEMM of the subnet with per-row tables (the row-parameter table).</summary>
    public static int MaxRows(Subnet subnet, SearchSpace space)
    {
        var bounds = new BoundsSink();
        Walk(subnet, space, ref bounds);
        return bounds.MaxRows;
    }

    private struct BoundsSink : IWorkloadSink
    {
        public int MaxReduction;
        public int MaxRows;

        public void Gemm(VitOp op, int layer, in GemmShape shape, long hostInputBytes, long hostOutputBytes)
        {
            MaxReduction = Math.Max(MaxReduction, shape.Reduction);
            if (!shape.PerTensor) MaxRows = Math.Max(MaxRows, shape.Rows); // a per-tensor call reads one table entry, whatever its n
        }

        public readonly void Host(VitOp op, int layer, HostOpKind kind, long elements)
        {
        }
    }
}
