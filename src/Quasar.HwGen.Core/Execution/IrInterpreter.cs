using Quasar.HwGen.Core.Ir;
using Quasar.HwGen.Core.Ir.Ops;
using Quasar.HwGen.Core.Numerics;

namespace Quasar.HwGen.Core.Execution;

/// <summary>
/// Runs an IR graph on one image: host ops in float32 here (one implementation for every backend), FPGA ops on the
/// given engine. The image is bytes in C×H×W order.
/// </summary>
public sealed class IrInterpreter(IrGraph graph, IFpgaEngine engine)
{
    private readonly Dictionary<string, TensorType> _types = graph.Tensors.ToDictionary(t => t.Name, t => t.Type, StringComparer.Ordinal);

    public IrGraph Graph { get; } = graph;

    /// <summary>The graph output as float32 (the logits).</summary>
    public float[] Run(ReadOnlySpan<byte> image) => RunAll(image)[Graph.Output].ToFloat();

    /// <summary>Every tensor of the graph, for golden vectors and for locating the first difference between backends.</summary>
    public Dictionary<string, TensorData> RunAll(ReadOnlySpan<byte> image)
    {
        var values = new Dictionary<string, TensorData>(StringComparer.Ordinal);
        foreach (var op in Graph.Ops) values[op.Output] = Execute(op, values, image);
        return values;
    }

    /// <summary>Executes one op given the values of its inputs.</summary>
    public TensorData Execute(IrOp op, IReadOnlyDictionary<string, TensorData> values, ReadOnlySpan<byte> image) =>
        Execute(op, _types[op.Output], values, image, engine);

    /// <summary>Executes one op whose output has <paramref name="type"/>; used while a graph is still being built.</summary>
    public static TensorData Execute(IrOp op, TensorType type, IReadOnlyDictionary<string, TensorData> values, ReadOnlySpan<byte> image, IFpgaEngine engine)
    {
        ArgumentNullException.ThrowIfNull(op);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(engine);
        return op switch
        {
            LinearOp linear => engine.Linear(linear, values[linear.Input], type),
            AttentionScoresOp scores => engine.AttentionScores(scores, values[scores.Query], values[scores.Key], type),
            AttentionContextOp context => engine.AttentionContext(context, values[context.Probabilities], values[context.Value], type),
            PatchifyOp patchify => TensorData.Float(type, HostKernels.Patchify(patchify, image)),
            QuantizeOp => TensorData.Int8(type, HostKernels.Quantize(values[op.Inputs[0]].ToFloat(), type)),
            DequantizeOp => TensorData.Float(type, values[op.Inputs[0]].ToFloat()),
            LayerNormOp norm => TensorData.Float(type, HostKernels.LayerNorm(norm, values[norm.Input].ToFloat(), type)),
            SoftmaxOp softmax => TensorData.Float(type, HostKernels.Softmax(values[softmax.Input], type)),
            GeluOp gelu => TensorData.Float(type, HostKernels.Gelu(values[gelu.Input].ToFloat())),
            ResidualAddOp add => TensorData.Float(type, HostKernels.ResidualAdd(values[add.Stream].ToFloat(), values[add.Branch])),
            ClassTokenOp cls => TensorData.Float(type, [.. cls.Token, .. values[cls.Input].ToFloat()]),
            PositionEmbeddingOp position => TensorData.Float(type, HostKernels.Add(values[position.Input].ToFloat(), position.Table)),
            SelectRowOp select => TensorData.Float(type, HostKernels.SelectRow(select, values[select.Input].ToFloat(), type)),
            _ => throw new NotSupportedException($"the interpreter has no implementation of {op.GetType().Name} ('{op.Name}')"),
        };
    }
}
