using Quasar.HwGen.Core.Ir;
using Quasar.HwGen.Core.Ir.Ops;

namespace Quasar.HwGen.Core.Execution.Kernel;

/// <summary>
/// Maps each FPGA op of the IR to one kernel call, exactly as the table of docs/hls-engine.md §1: the scalars, B and
/// the row tables. The host runtime (sw-emu, XRT) and the golden-vector writer share this mapping.
/// </summary>
public static class KernelOpMapper
{
    /// <summary>Every FPGA op of <paramref name="graph"/>, in execution order.</summary>
    public static IReadOnlyList<KernelOp> Map(IrGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var types = graph.Tensors.ToDictionary(t => t.Name, t => t.Type, StringComparer.Ordinal);
        return [.. graph.OpsOn(Placement.Fpga).Select(op => Map(op, name => types[name]))];
    }

    /// <summary>One FPGA op; <paramref name="typeOf"/> gives the types of its input and output tensors.</summary>
    public static KernelOp Map(IrOp op, Func<string, TensorType> typeOf)
    {
        ArgumentNullException.ThrowIfNull(op);
        ArgumentNullException.ThrowIfNull(typeOf);
        return op switch
        {
            LinearOp linear => Linear(linear, typeOf(linear.Input), typeOf(linear.Output)),
            AttentionScoresOp scores => Scores(scores, typeOf(scores.Query), typeOf(scores.Output)),
            AttentionContextOp context => Context(context, typeOf(context.Value), typeOf(context.Output)),
            _ => throw new NotSupportedException($"'{op.Name}' ({op.GetType().Name}) is not an FPGA op: it has no kernel call"),
        };
    }

    /// <summary>Batches 1, m tokens, n = OutFeatures, k = InFeatures; B the weights (row stride K); per-row stage.</summary>
    public static KernelOp Linear(LinearOp op, TensorType input, TensorType output)
    {
        ArgumentNullException.ThrowIfNull(op);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        int tokens = input.Rows, n = op.OutFeatures, k = op.InFeatures;
        var call = new GemmCall(
            Batches: 1, M: tokens, N: n, K: k,
            ABatchStride: 0, ARowStride: k,
            BBatchStride: 0, BRowStride: k, BColStride: 1,
            OutBatchStride: 0, OutRowStride: n,
            OutBytes: OutBytes(output), OutMin: output.Min, OutMax: output.Max, Flags: 0);
        return new KernelOp(op.Name, op.Output, GemmOpKind.Linear, call, op.Weights,
            Array.ConvertAll(op.RowIs8Bit, b => b ? (byte)1 : (byte)0), op.Bias, op.Multiplier, op.Shift);
    }

    /// <summary>Batches = heads, m = n = tokens, k = head dim; B the keys (batch stride d, row stride H·d); per tensor.</summary>
    public static KernelOp Scores(AttentionScoresOp op, TensorType query, TensorType output)
    {
        ArgumentNullException.ThrowIfNull(op);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(output);
        int tokens = query.Rows, d = op.HeadDim, width = op.Heads * d;
        var call = new GemmCall(
            Batches: op.Heads, M: tokens, N: tokens, K: d,
            ABatchStride: d, ARowStride: width,
            BBatchStride: d, BRowStride: width, BColStride: 1,
            OutBatchStride: tokens * tokens, OutRowStride: tokens,
            OutBytes: OutBytes(output), OutMin: output.Min, OutMax: output.Max, Flags: GemmFlags.PerTensor | GemmFlags.All8Bit);
        return PerTensor(op.Name, op.Output, GemmOpKind.AttentionScores, call, op.Multiplier, op.Shift);
    }

    /// <summary>
    /// Batches = heads, m = tokens, n = head dim, k = tokens; B = Vᵀ laid out by the host per head
    /// (<see cref="KernelOperandLayout.TransposeValue"/>: batch stride d·T, row stride T, col stride 1); per tensor.
    /// </summary>
    public static KernelOp Context(AttentionContextOp op, TensorType value, TensorType output)
    {
        ArgumentNullException.ThrowIfNull(op);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(output);
        int tokens = value.Rows, d = op.HeadDim, width = op.Heads * d;
        var call = new GemmCall(
            Batches: op.Heads, M: tokens, N: d, K: tokens,
            ABatchStride: tokens * tokens, ARowStride: tokens,
            BBatchStride: d * tokens, BRowStride: tokens, BColStride: 1,
            OutBatchStride: d, OutRowStride: width,
            OutBytes: OutBytes(output), OutMin: output.Min, OutMax: output.Max, Flags: GemmFlags.PerTensor | GemmFlags.All8Bit);
        return PerTensor(op.Name, op.Output, GemmOpKind.AttentionContext, call, op.Multiplier, op.Shift);
    }

    /// <summary>
    /// The kernel's A and B arrays for one call of <paramref name="op"/> on the op's input tensors (IR order), in the
    /// host layout of <see cref="KernelOperandLayout"/> (attention V transposed per head).
    /// </summary>
    public static (sbyte[] A, sbyte[] B) Operands(KernelOp op, IReadOnlyList<TensorData> inputs)
    {
        ArgumentNullException.ThrowIfNull(op);
        ArgumentNullException.ThrowIfNull(inputs);
        int expected = op.TakesBPerCall ? 2 : 1;
        if (inputs.Count != expected) throw new ArgumentException($"'{op.Name}' takes {expected} input tensor(s), got {inputs.Count}", nameof(inputs));
        var a = inputs[0].Bytes ?? throw new ArgumentException($"the left operand of '{op.Name}' is not an 8-bit tensor", nameof(inputs));
        if (!op.TakesBPerCall) return (a, op.Weights);
        var b = inputs[1].Bytes ?? throw new ArgumentException($"the right operand of '{op.Name}' is not an 8-bit tensor", nameof(inputs));
        if (op.Kind == GemmOpKind.AttentionContext)
            b = KernelOperandLayout.TransposeValue(b, tokens: op.Call.K, heads: op.Call.Batches, headDim: op.Call.N);
        return (a, b);
    }

    /// <summary>Bytes per output element: 2 for int16, 1 for the 8-bit formats.</summary>
    public static int OutBytes(TensorType output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return output.Element switch
        {
            ElementType.Int16 => 2,
            ElementType.Int6 or ElementType.Int8 => 1,
            _ => throw new ArgumentException($"the kernel writes integers, not {output}", nameof(output)),
        };
    }

    private static KernelOp PerTensor(string name, string output, GemmOpKind kind, GemmCall call, int multiplier, int shift) =>
        new(name, output, kind, call, [], [1], [0], [multiplier], [checked((byte)shift)]);
}
