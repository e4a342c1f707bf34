namespace Quasar.HwGen.Bench;

/// <summary>One GEMM: activations [M × K] times weights [N × K]ᵀ, run <paramref name="PerBlock"/> times per block.</summary>
public sealed record GemmShape(string Name, int M, int K, int N, int PerBlock = 1)
{
    public long Macs => (long)M * K * N;

    /// <summary>The six GEMMs of one DeiT-Tiny block (D = 192, 3 heads of 64, MLP ratio 4) on 197 tokens.</summary>
    public static IReadOnlyList<GemmShape> DeiTTinyLayer { get; } =
    [
        new("qkv", 197, 192, 576),
        new("proj", 197, 192, 192),
        new("fc1", 197, 192, 768),
        new("fc2", 197, 768, 192),
        new("q·kᵀ/head", 197, 64, 197, PerBlock: 3),
        new("p·v/head", 197, 197, 64, PerBlock: 3),
    ];
}
