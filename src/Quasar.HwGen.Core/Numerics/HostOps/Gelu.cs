namespace Quasar.HwGen.Core.Numerics.HostOps;

/// <summary>GELU in its erf form, <c>0.5·x·(1 + erf(x/√2))</c>, in float32 (docs/numerics.md §6).</summary>
public static class Gelu
{
    private const float Sqrt2 = 1.41421356f;

    public static float Evaluate(float x) => 0.5f * x * (1f + ErrorFunction.Erf(x / Sqrt2));

    /// <summary>Applies GELU element-wise; <paramref name="output"/> may be <paramref name="input"/>.</summary>
    public static void Apply(ReadOnlySpan<float> input, Span<float> output)
    {
        if (output.Length != input.Length)
            throw new ArgumentException($"output has {output.Length} elements, input {input.Length}", nameof(output));
        for (int i = 0; i < input.Length; i++) output[i] = Evaluate(input[i]);
    }
}
