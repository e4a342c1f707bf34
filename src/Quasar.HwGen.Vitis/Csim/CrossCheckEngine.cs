using Quasar.HwGen.Core.Execution;
using Quasar.HwGen.Core.Ir;
using Quasar.HwGen.Core.Ir.Ops;

namespace Quasar.HwGen.Vitis.Csim;

/// <summary>
/// Runs every FPGA op on a reference engine (the C# emulation) and on a candidate (the g++-built kernel), compares every
/// output element, and continues with the reference's output. The first difference throws
/// <see cref="KernelMismatchException"/> naming the op, the tensor and the element.
/// </summary>
public sealed class CrossCheckEngine(IFpgaEngine reference, IFpgaEngine candidate) : IFpgaEngine
{
    /// <summary>Calls compared so far.</summary>
    public long Calls { get; private set; }

    /// <summary>Output elements compared so far.</summary>
    public long Elements { get; private set; }

    /// <summary>Which input this is (reported on a mismatch).</summary>
    public int Image { get; set; }

    public TensorData Linear(LinearOp op, TensorData input, TensorType outputType) =>
        Compare(op, op.Output, reference.Linear(op, input, outputType), candidate.Linear(op, input, outputType));

    public TensorData AttentionScores(AttentionScoresOp op, TensorData query, TensorData key, TensorType outputType) =>
        Compare(op, op.Output, reference.AttentionScores(op, query, key, outputType), candidate.AttentionScores(op, query, key, outputType));

    public TensorData AttentionContext(AttentionContextOp op, TensorData probabilities, TensorData value, TensorType outputType) =>
        Compare(op, op.Output, reference.AttentionContext(op, probabilities, value, outputType),
            candidate.AttentionContext(op, probabilities, value, outputType));

    private TensorData Compare(IrOp op, string tensor, TensorData expected, TensorData actual)
    {
        var e = expected.ToInt32();
        var a = actual.ToInt32();
        if (e.Length != a.Length)
            throw new KernelMismatchException(op.Name, tensor, Image, -1, -1, e.Length, a.Length, $"{e.Length} elements expected, {a.Length} written");
        for (int i = 0; i < e.Length; i++)
        {
            if (e[i] != a[i])
            {
                int columns = expected.Type.Columns;
                throw new KernelMismatchException(op.Name, tensor, Image, i / columns, i % columns, e[i], a[i], null);
            }
        }
        Calls++;
        Elements += e.Length;
        return expected;
    }
}
