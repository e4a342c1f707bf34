namespace Quasar.HwGen.Core.Numerics.HostOps;

/// <summary>Integer → float32 on the host (docs/numerics.md §6): <c>x = q · step</c>, one float32 multiply.</summary>
public static class Dequantizer
{
    public static void Apply(ReadOnlySpan<short> input, float step, Span<float> output)
    {
        RequireSameLength(input.Length, output.Length);
        for (int i = 0; i < input.Length; i++) output[i] = input[i] * step;
    }

    public static void Apply(ReadOnlySpan<sbyte> input, float step, Span<float> output)
    {
        RequireSameLength(input.Length, output.Length);
        for (int i = 0; i < input.Length; i++) output[i] = input[i] * step;
    }

    public static float[] Apply(ReadOnlySpan<short> input, float step)
    {
        var output = new float[input.Length];
        Apply(input, step, output);
        return output;
    }

    private static void RequireSameLength(int input, int output)
    {
        if (output != input) throw new ArgumentException($"output has {output} elements, input {input}", nameof(output));
    }
}
