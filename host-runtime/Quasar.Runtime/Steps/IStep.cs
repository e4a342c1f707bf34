using Quasar.Runtime.Planning;

namespace Quasar.Runtime.Steps;

/// <summary>One step of a plan: an FPGA op, a host op, or host ops fused into one pass.</summary>
internal interface IStep
{
    /// <summary>The IR ops the step computes, for messages and statistics.</summary>
    string Name { get; }

    /// <summary>What the step computes, the same for every layer (e.g. "softmax+quantize", "Linear"): statistics group by it.</summary>
    string Kind { get; }

    bool OnAccelerator { get; }

    /// <summary>Scratch bytes the step needs in its frame (0 for most).</summary>
    int ScratchBytes { get; }

    /// <summary>The tensors the step reads or writes: the frame keeps a buffer for each.</summary>
    IEnumerable<TensorSlot> Buffers { get; }

    void Run(Frame frame);
}
