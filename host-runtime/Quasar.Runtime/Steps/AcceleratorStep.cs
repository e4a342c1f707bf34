using Quasar.HwGen.Core.Execution.Kernel;
using Quasar.Runtime.Planning;

namespace Quasar.Runtime.Steps;

/// <summary>
/// One FPGA op: its operands handed to the accelerator as the kernel takes them. Attention V is transposed per head
/// into the frame's scratch first (<see cref="KernelOperandLayout.TransposeValue(ReadOnlySpan{sbyte}, int, int, int, Span{sbyte})"/>).
/// </summary>
internal sealed class AcceleratorStep(IAcceleratorOp op, TensorSlot a, TensorSlot? b, TensorSlot output) : IStep
{
    private bool TransposesB => op.Op.Kind == GemmOpKind.AttentionContext;

    public string Name => op.Op.Name;

    public string Kind => op.Op.Kind.ToString();

    public bool OnAccelerator => true;

    public int ScratchBytes => TransposesB && b is not null ? b.Type.ElementCount : 0;

    public IEnumerable<TensorSlot> Buffers => b is null ? [a, output] : [a, b, output];

    public void Run(Frame frame)
    {
        ReadOnlySpan<sbyte> right = default;
        if (b is not null)
        {
            right = frame.Bytes(b);
            if (TransposesB)
            {
                var transposed = frame.Scratch.AsSpan(0, right.Length);
                var call = op.Op.Call;
                KernelOperandLayout.TransposeValue(right, tokens: call.K, heads: call.Batches, headDim: call.N, transposed);
                right = transposed;
            }
        }
        op.Run(frame.Bytes(a), right, frame.Raw(output));
    }
}
