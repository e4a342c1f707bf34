using Quasar.Runtime.Steps;

namespace Quasar.Runtime.Planning;

/// <summary>What a session runs per frame: the steps in order, the buffers a frame needs, and where the logits are.</summary>
internal sealed record ExecutionPlan(IReadOnlyList<IStep> Steps, IReadOnlyList<TensorSlot> Buffers, int SlotCount, TensorSlot Output, int ImageBytes)
{
    public int ScratchBytes => Steps.Count == 0 ? 0 : Steps.Max(s => s.ScratchBytes);

    public Frame NewFrame() => new(Buffers, SlotCount, ImageBytes, ScratchBytes);
}
