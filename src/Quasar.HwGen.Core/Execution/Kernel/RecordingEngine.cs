using Quasar.HwGen.Core.Ir;
using Quasar.HwGen.Core.Ir.Ops;

namespace Quasar.HwGen.Core.Execution.Kernel;

/// <summary>
/// Wraps an engine and records every FPGA call (op, inputs, output) of an <see cref="IrInterpreter"/> run, tagged
/// with <see cref="Image"/>: what golden vectors and backend comparisons are made of. Not thread-safe.
/// </summary>
public sealed class RecordingEngine(IFpgaEngine inner) : IFpgaEngine
{
    private readonly List<RecordedCall> _calls = [];

    /// <summary>The index stored with the calls that follow; set it before running each image.</summary>
    public int Image { get; set; }

    public IReadOnlyList<RecordedCall> Calls => _calls;

    public void Clear() => _calls.Clear();

    public TensorData Linear(LinearOp op, TensorData input, TensorType outputType) =>
        Record(op, [input], outputType, inner.Linear(op, input, outputType));

    public TensorData AttentionScores(AttentionScoresOp op, TensorData query, TensorData key, TensorType outputType) =>
        Record(op, [query, key], outputType, inner.AttentionScores(op, query, key, outputType));

    public TensorData AttentionContext(AttentionContextOp op, TensorData probabilities, TensorData value, TensorType outputType) =>
        Record(op, [probabilities, value], outputType, inner.AttentionContext(op, probabilities, value, outputType));

    private TensorData Record(IrOp op, TensorData[] inputs, TensorType outputType, TensorData output)
    {
        _calls.Add(new RecordedCall(Image, op, inputs, outputType, output));
        return output;
    }
}
