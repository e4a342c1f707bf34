using Quasar.Runtime.Planning;

namespace Quasar.Runtime.Steps;

/// <summary>A host pass on a frame's buffers: one fused kernel of Core.Numerics.HostOps with its tables built at load.</summary>
internal sealed class HostStep(string name, string kind, IReadOnlyList<TensorSlot> buffers, Action<Frame> run) : IStep
{
    public string Name => name;

    public string Kind => kind;

    public bool OnAccelerator => false;

    public int ScratchBytes => 0;

    public IEnumerable<TensorSlot> Buffers => buffers;

    public void Run(Frame frame) => run(frame);
}
