using System.Runtime.CompilerServices;
using Quasar.HwGen.Core.Ir;
using Quasar.HwGen.Core.Ir.Ops;
using Quasar.HwGen.Core.Numerics;

namespace Quasar.HwGen.Core.Execution;

/// <summary>The C# emulation of the GEMM engine: the reference every other backend is compared with, bit for bit.</summary>
public sealed class EmulatedEngine(GemmPath path = GemmPath.Auto) : IFpgaEngine
{
    // Weights are packed once per op and reused for every image.
    private readonly ConditionalWeakTable<LinearOp, PackedLinear> _packed = [];

    public GemmPath Path { get; } = GemmEngine.Resolve(path);

    public TensorData Linear(LinearOp op, TensorData input, TensorType outputType)
    {
        ArgumentNullException.ThrowIfNull(op);
        ArgumentNullException.ThrowIfNull(input);
        var packed = _packed.GetValue(op, PackedLinear.Create);
        var acc = GemmEngine.Multiply(input.Bytes, input.Type.Rows, packed.Weights, Path);
        return Requantize(acc, packed.Stage(outputType), outputType);
    }

    public TensorData AttentionScores(AttentionScoresOp op, TensorData query, TensorData key, TensorType outputType)
    {
        ArgumentNullException.ThrowIfNull(op);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(key);
        int tokens = query.Type.Rows, d = op.HeadDim, width = query.Type.Columns;
        var acc = new int[op.Heads * tokens * tokens];
        for (int h = 0; h < op.Heads; h++)
        {
            var q = MatrixSlices.Columns(query.Bytes!, tokens, width, h * d, d);
            var k = PackedWeights.Pack(MatrixSlices.Columns(key.Bytes!, tokens, width, h * d, d), tokens, d);
            GemmEngine.Multiply(q, tokens, k, Path).CopyTo(acc, h * tokens * tokens);
        }
        var stage = OutputStage.PerTensor(new FixedPointMultiplier(op.Multiplier, op.Shift), outputType.Min, outputType.Max);
        return Requantize(acc, stage, outputType);
    }

    public TensorData AttentionContext(AttentionContextOp op, TensorData probabilities, TensorData value, TensorType outputType)
    {
        ArgumentNullException.ThrowIfNull(op);
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(value);
        int tokens = value.Type.Rows, d = op.HeadDim, width = value.Type.Columns;
        var acc = new int[tokens * width];
        for (int h = 0; h < op.Heads; h++)
        {
            var p = probabilities.Bytes.AsSpan(h * tokens * tokens, tokens * tokens);
            var vT = PackedWeights.Pack(MatrixSlices.TransposedColumns(value.Bytes!, tokens, width, h * d, d), d, tokens);
            var head = GemmEngine.Multiply(p, tokens, vT, Path);
            for (int t = 0; t < tokens; t++) head.AsSpan(t * d, d).CopyTo(acc.AsSpan(t * width + h * d, d));
        }
        var stage = OutputStage.PerTensor(new FixedPointMultiplier(op.Multiplier, op.Shift), outputType.Min, outputType.Max);
        return Requantize(acc, stage, outputType);
    }

    private static TensorData Requantize(int[] acc, OutputStage stage, TensorType outputType)
    {
        if (outputType.Element == ElementType.Int16)
        {
            var shorts = new short[acc.Length];
            stage.Apply(acc, shorts);
            return TensorData.Int16(outputType, shorts);
        }
        var bytes = new sbyte[acc.Length];
        stage.Apply(acc, bytes);
        return TensorData.Int8(outputType, bytes);
    }

    private sealed class PackedLinear(PackedWeights weights, LinearOp op)
    {
        private OutputStage? _stage;

        public PackedWeights Weights { get; } = weights;

        public static PackedLinear Create(LinearOp op) => new(PackedWeights.Pack(op.Weights, op.OutFeatures, op.InFeatures), op);

        public OutputStage Stage(TensorType outputType) =>
            _stage ??= new OutputStage(op.Multiplier, Array.ConvertAll(op.Shift, s => (int)s), op.Bias, outputType.Min, outputType.Max);
    }
}
