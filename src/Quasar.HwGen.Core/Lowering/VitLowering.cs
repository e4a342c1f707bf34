using Quasar.HwGen.Core.Execution;
using Quasar.HwGen.Core.Ir;
using Quasar.HwGen.Core.Ir.Ops;
using Quasar.HwGen.Core.Numerics;

namespace Quasar.HwGen.Core.Lowering;

/// <summary>
/// Lowers a float subnet to the integer IR of docs/numerics.md §5: quantizes weights per row, folds bias,
/// dequantization and SLS into each GEMM's output stage, and picks the steps training did not learn from the
/// integer model's own values on calibration images. The result is verified before it is returned.
/// </summary>
public static class VitLowering
{
    public const float LayerNormEpsilon = 1e-6f;

    public static IrGraph Lower(FloatVit model, IReadOnlyList<byte[]> calibrationImages, IReadOnlyDictionary<string, string>? metadata = null, string name = "vit")
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(calibrationImages);
        if (calibrationImages.Count == 0) throw new ArgumentException("lowering needs at least one calibration image", nameof(calibrationImages));
        var a = model.Architecture;
        var builder = new GraphBuilder(calibrationImages, new EmulatedEngine());
        var lowering = new LinearLowering(builder);
        int d = a.EmbedDim, tokens = a.Tokens;

        var patches = builder.Add(new PatchifyOp("patchify", "patches", a.Channels, a.ImageSize, a.PatchSize, a.Mean, a.Std),
            new TensorType(ElementType.Float32, a.PatchCount, a.PatchFeatures));
        var patchesQ = lowering.Quantize("patch_embed.quantize", patches, "patches_q", ElementType.Int6, model.InputStep);
        var embedded = lowering.Linear("patch_embed", patchesQ, "patch_embed_out", model.PatchEmbed, null, ElementType.Int16, null);
        var withClass = builder.Add(new ClassTokenOp("class_token", embedded, "tokens", model.ClassToken), new TensorType(ElementType.Float32, tokens, d));
        var x = builder.Add(new PositionEmbeddingOp("position_embedding", withClass, "x0", model.PositionEmbedding), new TensorType(ElementType.Float32, tokens, d));

        for (int i = 0; i < model.Blocks.Count; i++)
            x = LowerBlock(builder, lowering, $"blocks.{i}", x, model.Blocks[i], a.Blocks[i], tokens, d);

        var normed = builder.Add(new LayerNormOp("norm", x, "norm_out", model.NormGamma, model.NormBeta, LayerNormEpsilon), new TensorType(ElementType.Float32, tokens, d));
        var cls = builder.Add(new SelectRowOp("select_class_token", normed, "class_out", 0), new TensorType(ElementType.Float32, 1, d));
        var clsQ = lowering.Quantize("head.quantize", cls, "head_in", ElementType.Int6, model.HeadInputStep);
        var logitsQ = lowering.Linear("head", clsQ, "logits_q", model.Head, null, ElementType.Int16, null);
        var logits = builder.Add(new DequantizeOp("dequantize_logits", logitsQ, "logits"), new TensorType(ElementType.Float32, 1, a.Classes));

        var graph = builder.Build(name, logits, metadata ?? new Dictionary<string, string>());
        return IrVerifier.ThrowIfInvalid(graph, "lowering");
    }

    private static string LowerBlock(GraphBuilder builder, LinearLowering lowering, string p, string x, FloatBlock block, BlockArchitecture shape, int tokens, int d)
    {
        int heads = shape.Heads, headDim = shape.HeadDim, width = shape.AttentionDim;
        var steps = block.Steps;
        var floatType = new TensorType(ElementType.Float32, tokens, d);

        var norm1 = builder.Add(new LayerNormOp($"{p}.norm1", x, $"{p}.norm1_out", block.Norm1Gamma, block.Norm1Beta, LayerNormEpsilon), floatType);
        var qkvIn = lowering.Quantize($"{p}.attn.quantize", norm1, $"{p}.attn.qkv_in", ElementType.Int6, steps.QkvInput);
        var q = lowering.Linear($"{p}.attn.q", qkvIn, $"{p}.attn.q_out", Rows(block.Qkv, 0, width), null, ElementType.Int6, steps.Query);
        var k = lowering.Linear($"{p}.attn.k", qkvIn, $"{p}.attn.k_out", Rows(block.Qkv, width, width), null, ElementType.Int8, steps.Key);
        var v = lowering.Linear($"{p}.attn.v", qkvIn, $"{p}.attn.v_out", Rows(block.Qkv, 2 * width, width), null, ElementType.Int8, steps.Value);

        var scores = lowering.AttentionScores($"{p}.attn.scores", q, k, $"{p}.attn.scores_out", heads, headDim);
        var probabilities = builder.Add(new SoftmaxOp($"{p}.attn.softmax", scores, $"{p}.attn.softmax_out"), new TensorType(ElementType.Float32, heads * tokens, tokens));
        var probabilitiesQ = lowering.Quantize($"{p}.attn.quantize_p", probabilities, $"{p}.attn.p", ElementType.Int6, steps.Probabilities);
        var context = lowering.AttentionContext($"{p}.attn.context", probabilitiesQ, v, $"{p}.attn.context_out", heads, headDim, steps.ProjInput);
        var projected = lowering.Linear($"{p}.attn.proj", context, $"{p}.attn.proj_out", block.Proj, block.Sls1, ElementType.Int16, null);
        var x1 = builder.Add(new ResidualAddOp($"{p}.residual1", x, projected, $"{p}.x1"), floatType);

        var norm2 = builder.Add(new LayerNormOp($"{p}.norm2", x1, $"{p}.norm2_out", block.Norm2Gamma, block.Norm2Beta, LayerNormEpsilon), floatType);
        var fc1In = lowering.Quantize($"{p}.mlp.quantize", norm2, $"{p}.mlp.fc1_in", ElementType.Int6, steps.Fc1Input);
        var hidden = lowering.Linear($"{p}.mlp.fc1", fc1In, $"{p}.mlp.fc1_out", block.Fc1, null, ElementType.Int16, null);
        var activated = builder.Add(new GeluOp($"{p}.mlp.gelu", hidden, $"{p}.mlp.gelu_out"), new TensorType(ElementType.Float32, tokens, shape.MlpHidden));
        var fc2In = lowering.Quantize($"{p}.mlp.quantize_gelu", activated, $"{p}.mlp.fc2_in", ElementType.Int6, steps.Fc2Input);
        var mlpOut = lowering.Linear($"{p}.mlp.fc2", fc2In, $"{p}.mlp.fc2_out", block.Fc2, block.Sls2, ElementType.Int16, null);
        return builder.Add(new ResidualAddOp($"{p}.residual2", x1, mlpOut, $"{p}.x2"), floatType);
    }

    /// <summary>Rows [start, start + count) of a linear: Q, K and V are consecutive row ranges of the qkv weight.</summary>
    private static FloatLinear Rows(FloatLinear linear, int start, int count) => new(
        count, linear.In,
        linear.Weight.AsSpan(start * linear.In, count * linear.In).ToArray(),
        linear.Bias.AsSpan(start, count).ToArray(),
        linear.RowIs8Bit.AsSpan(start, count).ToArray());
}
