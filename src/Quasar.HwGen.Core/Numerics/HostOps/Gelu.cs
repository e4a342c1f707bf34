namespace Quasar.HwGen.Core.Numerics.HostOps;

/// <summary>
/// GELU in its erf form, <c>0.5·x·(1 + erf(x/√2))</c>, in float32 (docs/numerics.md §6.6): the unfused reference of
/// <see cref="GeluQuantizeTable"/>.
/// </summary>
public static class Gelu
{
    private const float Sqrt2 = 1.41421356f;

    /// <summary>((0.5·x)·(1 + erf(x / √2))) in float32, erf by <see cref="ErrorFunction.Erf"/>.</summary>
    public static float Evaluate(float x) => 0.5f * x * (1f + ErrorFunction.Erf(x / Sqrt2));

    /// <summary>Applies GELU element-wise; <paramref name="output"/> may be <paramref name="input"/>.</summary>
    public static void Apply(ReadOnlySpan<float> input, Span<float> output)
    {
        HostKernelArguments.RequireSameLength(input.Length, output.Length);
        for (int i = 0; i < input.Length; i++) output[i] = Evaluate(input[i]);
    }

    /// <summary>GELU of the dequantized integers, <c>x = q · step</c> (one float32 multiply).</summary>
    public static void Apply(ReadOnlySpan<short> input, float step, Span<float> output)
    {
        HostKernelArguments.RequireSameLength(input.Length, output.Length);
        for (int i = 0; i < input.Length; i++) output[i] = Evaluate(input[i] * step);
    }
}
