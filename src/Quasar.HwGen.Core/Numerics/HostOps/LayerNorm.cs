namespace Quasar.HwGen.Core.Numerics.HostOps;

/// <summary>
/// LayerNorm over the channel dimension in float32 (docs/numerics.md §6): per row, the mean and the biased variance
/// (sequential float32 sums, two passes), then <c>(x − μ) / sqrt(σ² + eps) · γ + β</c>.
/// </summary>
public static class LayerNorm
{
    /// <summary>The ε of every LayerNorm in the models (DeiT / AutoFormer).</summary>
    public const float DefaultEpsilon = 1e-6f;

    /// <summary>Normalizes each of the rows of <paramref name="input"/> [rows × channels] into <paramref name="output"/>.</summary>
    public static void Apply(ReadOnlySpan<float> input, int channels, ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta,
        Span<float> output, float epsilon = DefaultEpsilon)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        if (input.Length % channels != 0)
            throw new ArgumentException($"input has {input.Length} elements, not a whole number of rows of {channels}", nameof(input));
        if (gamma.Length != channels || beta.Length != channels)
            throw new ArgumentException($"γ has {gamma.Length} and β {beta.Length} elements, {channels} channels expected");
        if (output.Length != input.Length)
            throw new ArgumentException($"output has {output.Length} elements, input {input.Length}", nameof(output));
        if (!(epsilon >= 0)) throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "ε must be non-negative");

        for (int start = 0; start < input.Length; start += channels)
        {
            var x = input.Slice(start, channels);
            var y = output.Slice(start, channels);
            float sum = 0;
            for (int c = 0; c < channels; c++) sum += x[c];
            float mean = sum / channels;
            float squares = 0;
            for (int c = 0; c < channels; c++)
            {
                float d = x[c] - mean;
                squares += d * d;
            }
            float deviation = MathF.Sqrt(squares / channels + epsilon);
            for (int c = 0; c < channels; c++) y[c] = (x[c] - mean) / deviation * gamma[c] + beta[c];
        }
    }
}
