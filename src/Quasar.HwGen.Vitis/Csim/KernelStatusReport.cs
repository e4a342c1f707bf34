namespace Quasar.HwGen.Vitis.Csim;

/// <summary>A kernel call that returned a nonzero status (docs/hls-engine.md §1): <c>STATUS layer=&lt;op&gt; image=&lt;i&gt; status=&lt;n&gt;</c>.</summary>
public sealed record KernelStatusReport(string Layer, string Image, int Status, string Line)
{
    /// <summary>What the status means, from the kernel contract (one wording, the C# emulation's).</summary>
    public string Meaning => Core.Execution.Kernel.GemmStatus.Describe(Status);

    public override string ToString() => $"layer {Layer}, image {Image}: kernel status {Status} ({Meaning})";
}
