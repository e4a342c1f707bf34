namespace Quasar.HwGen.Vitis.Csim;

/// <summary>A kernel call that returned a nonzero status (docs/hls-engine.md §1): <c>STATUS layer=&lt;op&gt; image=&lt;i&gt; status=&lt;n&gt;</c>.</summary>
public sealed record KernelStatusReport(string Layer, string Image, int Status, string Line)
{
    /// <summary>What the status means, from the kernel contract.</summary>
    public string Meaning => Status switch
    {
        1 => "k exceeds MAX_REDUCTION",
        2 => "n exceeds MAX_ROWS",
        3 => "bad out_bytes",
        4 => "non-positive dimension",
        _ => "unknown status",
    };

    public override string ToString() => $"layer {Layer}, image {Image}: kernel status {Status} ({Meaning})";
}
