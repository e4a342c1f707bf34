using Quasar.Runtime.Steps;

namespace Quasar.Runtime.Planning;

/// <summary>
/// What a session runs per frame: the steps in order, the arrays a frame needs (each shared by a group of tensors whose
/// lifetimes do not overlap, <see cref="BufferSharing"/>), and where the logits are.
/// </summary>
internal sealed record ExecutionPlan(IReadOnlyList<IStep> Steps, IReadOnlyList<IReadOnlyList<TensorSlot>> BufferGroups, int SlotCount, TensorSlot Output, int ImageBytes)
{
    public int ScratchBytes => Steps.Count == 0 ? 0 : Steps.Max(s => s.ScratchBytes);

    public Frame NewFrame() => new(BufferGroups, SlotCount, ImageBytes, ScratchBytes);
}
