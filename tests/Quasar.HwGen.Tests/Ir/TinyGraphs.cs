using Quasar.HwGen.Core.Ir;
using Quasar.HwGen.Core.Ir.Ops;

namespace Quasar.HwGen.Tests.Ir;

/// <summary>Small hand-built graphs for verifier and package tests.</summary>
internal static class TinyGraphs
{
    /// <summary>A 4×4 one-channel image, 2×2 patches → 6-bit → 3-row linear (row 0 8-bit) → int16 → float.</summary>
    public static IrGraph PatchLinear()
    {
        const int patches = 4, inFeatures = 4, outFeatures = 3;
        var tensors = new List<TensorValue>
        {
            new("patches", new TensorType(ElementType.Float32, patches, inFeatures)),
            new("patches_q", new TensorType(ElementType.Int6, patches, inFeatures, 0.125f)),
            new("embed", new TensorType(ElementType.Int16, patches, outFeatures, 0.01f)),
            new("out", new TensorType(ElementType.Float32, patches, outFeatures)),
        };
        var ops = new List<IrOp>
        {
            new PatchifyOp("patchify", "patches", 1, 4, 2, [0.5f], [0.25f]),
            new QuantizeOp("quantize", "patches", "patches_q"),
            new LinearOp("embed", "patches_q", "embed", inFeatures, outFeatures,
                Weights: [100, -128, 127, 3, -8, 7, 0, 1, 2, -3, 4, -5],
                RowIs8Bit: [true, false, false],
                Bias: [10, -20, 30],
                Multiplier: [1 << 30, -(1 << 30), 2_000_000_000],
                Shift: [40, 38, 45],
                WeightScales: [0.01f, 0.1f, 0.1f],
                LayerScale: null),
            new DequantizeOp("dequantize", "embed", "out"),
        };
        return new IrGraph("tiny", tensors, ops, "out", new Dictionary<string, string> { ["purpose"] = "tests" });
    }
}
