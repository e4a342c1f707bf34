namespace Quasar.HwGen.Tests.Numerics;

/// <summary>One random GEMM problem: activations [M × K], weights [N × K] with a row-precision map.</summary>
public sealed record GemmCase(int Index, string Kind, int M, int N, int K, sbyte[] X, sbyte[] W, bool[] Is8)
{
    public long Macs => (long)M * N * K;

    public override string ToString() => $"case {Index} ({Kind}) M={M} N={N} K={K}";
}
