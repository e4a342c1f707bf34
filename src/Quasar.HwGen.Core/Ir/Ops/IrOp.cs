using System.Text.Json.Serialization;

namespace Quasar.HwGen.Core.Ir.Ops;

/// <summary>One step of the per-image graph. Ops are immutable; each defines one output tensor.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "op")]
[JsonDerivedType(typeof(PatchifyOp), "patchify")]
[JsonDerivedType(typeof(QuantizeOp), "quantize")]
[JsonDerivedType(typeof(LinearOp), "linear")]
[JsonDerivedType(typeof(ClassTokenOp), "class_token")]
[JsonDerivedType(typeof(PositionEmbeddingOp), "position_embedding")]
[JsonDerivedType(typeof(LayerNormOp), "layer_norm")]
[JsonDerivedType(typeof(AttentionScoresOp), "attention_scores")]
[JsonDerivedType(typeof(SoftmaxOp), "softmax")]
[JsonDerivedType(typeof(AttentionContextOp), "attention_context")]
[JsonDerivedType(typeof(GeluOp), "gelu")]
[JsonDerivedType(typeof(ResidualAddOp), "residual_add")]
[JsonDerivedType(typeof(SelectRowOp), "select_row")]
[JsonDerivedType(typeof(DequantizeOp), "dequantize")]
public abstract record IrOp(string Name, string Output)
{
    [JsonIgnore]
    public abstract Placement Placement { get; }

    [JsonIgnore]
    public abstract IReadOnlyList<string> Inputs { get; }

    /// <summary>The type this op's output must have, given its inputs' types; diagnostics for what does not fit.</summary>
    public abstract void Verify(OpVerificationContext context);
}
