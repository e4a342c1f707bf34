using Quasar.HwGen.Core.Execution;
using Quasar.HwGen.Core.Ir.Ops;
using Quasar.Runtime.Planning;

namespace Quasar.Runtime.Steps;

/// <summary>
/// A host op the plan has no fused kernel for, through the Core's reference (<see cref="IrInterpreter.Execute(IrOp, Quasar.HwGen.Core.Ir.TensorType, IReadOnlyDictionary{string, TensorData}, ReadOnlySpan{byte}, IFpgaEngine)"/>):
/// the same numerics, with the allocations of the reference. Also what <see cref="SessionOptions.Fuse"/> = false runs.
/// </summary>
internal sealed class ReferenceStep(IrOp op, IReadOnlyList<TensorSlot> inputs, TensorSlot output) : IStep
{
    public string Name => op.Name;

    public string Kind => op.GetType().Name.Replace("Op", "", StringComparison.Ordinal) + " (reference)";

    public bool OnAccelerator => false;

    public int ScratchBytes => 0;

    public IEnumerable<TensorSlot> Buffers => [.. inputs, output];

    public void Run(Frame frame)
    {
        var values = new Dictionary<string, TensorData>(inputs.Count, StringComparer.Ordinal);
        foreach (var input in inputs) values[input.Name] = frame.Read(input);
        frame.Write(output, IrInterpreter.Execute(op, output.Type, values, frame.Image, NoEngine.Instance));
    }

    private sealed class NoEngine : IFpgaEngine
    {
        public static readonly NoEngine Instance = new();

        public TensorData Linear(LinearOp op, TensorData input, Quasar.HwGen.Core.Ir.TensorType outputType) => throw NotHost(op);

        public TensorData AttentionScores(AttentionScoresOp op, TensorData query, TensorData key, Quasar.HwGen.Core.Ir.TensorType outputType) => throw NotHost(op);

        public TensorData AttentionContext(AttentionContextOp op, TensorData probabilities, TensorData value, Quasar.HwGen.Core.Ir.TensorType outputType) => throw NotHost(op);

        private static InvalidOperationException NotHost(IrOp op) => new($"'{op.Name}' is an FPGA op; the plan runs it on the accelerator");
    }
}
