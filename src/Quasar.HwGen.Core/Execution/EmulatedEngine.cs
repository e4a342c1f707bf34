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
        var acc = ScoreAccumulators(query.Bytes!, key.Bytes!, query.Type.Rows, query.Type.Columns, op.Heads, op.HeadDim, Path);
        var stage = OutputStage.PerTensor(new FixedPointMultiplier(op.Multiplier, op.Shift), outputType.Min, outputType.Max);
        return Requantize(acc, stage, outputType);
    }

    public TensorData AttentionContext(AttentionContextOp op, TensorData probabilities, TensorData value, TensorType outputType)
    {
        ArgumentNullException.ThrowIfNull(op);
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(value);
        var acc = ContextAccumulators(probabilities.Bytes!, value.Bytes!, value.Type.Rows, value.Type.Columns, op.Heads, op.HeadDim, Path);
        var stage = OutputStage.PerTensor(new FixedPointMultiplier(op.Multiplier, op.Shift), outputType.Min, outputType.Max);
        return Requantize(acc, stage, outputType);
    }

    /// <summary>Q·Kᵀ of every head before the output stage: int32 [heads·tokens × tokens] from Q and K [tokens × width].</summary>
    public static int[] ScoreAccumulators(sbyte[] query, sbyte[] key, int tokens, int width, int heads, int headDim, GemmPath path = GemmPath.Auto)
    {
        var acc = new int[heads * tokens * tokens];
        for (int h = 0; h < heads; h++)
        {
            var q = MatrixSlices.Columns(query, tokens, width, h * headDim, headDim);
            var k = PackedWeights.Pack(MatrixSlices.Columns(key, tokens, width, h * headDim, headDim), tokens, headDim);
            GemmEngine.Multiply(q, tokens, k, path).CopyTo(acc, h * tokens * tokens);
        }
        return acc;
    }

    /// <summary>P·V of every head before the output stage: int32 [tokens × width] from P [heads·tokens × tokens] and V [tokens × width].</summary>
    public static int[] ContextAccumulators(sbyte[] probabilities, sbyte[] value, int tokens, int width, int heads, int headDim, GemmPath path = GemmPath.Auto)
    {
        var acc = new int[tokens * width];
        for (int h = 0; h < heads; h++)
        {
            var p = probabilities.AsSpan(h * tokens * tokens, tokens * tokens);
            var vT = PackedWeights.Pack(MatrixSlices.TransposedColumns(value, tokens, width, h * headDim, headDim), headDim, tokens);
            var head = GemmEngine.Multiply(p, tokens, vT, path);
            for (int t = 0; t < tokens; t++) head.AsSpan(t * headDim, headDim).CopyTo(acc.AsSpan(t * width + h * headDim, headDim));
        }
        return acc;
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
