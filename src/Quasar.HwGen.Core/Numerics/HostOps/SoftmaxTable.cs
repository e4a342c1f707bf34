namespace Quasar.HwGen.Core.Numerics.HostOps;

/// <summary>
/// The exponentials of one softmax op, built once (docs/numerics.md §6.5): for integer scores with step s, entry d
/// (d = row max − score, 0 … 65535) is <c>(float)exp(−d·s)</c>, the product d·s exact in double and exp
/// <see cref="PortableMath.Exp"/>.
/// </summary>
public sealed class SoftmaxTable
{
    /// <summary>One entry per distance between two int16 scores.</summary>
    public const int Size = 1 << 16;

    private readonly float[] _values;

    private SoftmaxTable(float step, float[] values)
    {
        Step = step;
        _values = values;
    }

    /// <summary>The step of the scores the table is for.</summary>
    public float Step { get; }

    /// <summary>Entry d is <see cref="Evaluate"/>(d, <see cref="Step"/>).</summary>
    public ReadOnlySpan<float> Values => _values;

    /// <summary>Builds the table for scores of step <paramref name="step"/> (positive, finite).</summary>
    public static SoftmaxTable Create(float step)
    {
        HostKernelArguments.RequireStep(step, nameof(step));
        var values = new float[Size];
        for (int d = 0; d < Size; d++) values[d] = Evaluate(d, step);
        return new SoftmaxTable(step, values);
    }

    /// <summary><c>(float)exp(−d·step)</c>: d·step is exact in double (16 by 24 significant bits).</summary>
    public static float Evaluate(int distance, float step) => (float)PortableMath.Exp(-(double)distance * (double)step);
}
