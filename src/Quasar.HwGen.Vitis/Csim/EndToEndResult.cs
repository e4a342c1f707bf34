namespace Quasar.HwGen.Vitis.Csim;

/// <summary>The outcome of <see cref="EndToEndCsim.Run"/>: images whose logits matched (all when <see cref="Mismatch"/> is null), kernel calls made.</summary>
public sealed record EndToEndResult(int ImagesMatched, long KernelCalls, string? Mismatch)
{
    public bool Passed => Mismatch is null;
}
