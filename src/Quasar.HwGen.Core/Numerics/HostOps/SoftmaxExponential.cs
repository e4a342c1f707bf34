namespace Quasar.HwGen.Core.Numerics.HostOps;

/// <summary>
/// The exponential of softmax (docs/numerics.md §6.5): e = exp(−d·s) for the distance d = row max − score (0 … 65535)
/// of integer scores with step s. The distance's 16 bits split into a (6 bits), b (5) and c (5), d = 1024a + 32b + c,
/// and e = (High[a] · Middle[b]) · Low[c]: three lookups in tables of exp worked out once per step (in double, by
/// <see cref="PortableMath.Exp"/>) and two float32 products, so every platform and width computes the same bits, within
/// 2 ulp of exp(−d·s) at any distance. The tables are small enough to live in registers (AVX-512's two-register
/// permutes) instead of a cache line per element. Beyond <see cref="Horizon"/> e is the constant 2⁻¹²⁵ instead (never 0
/// nor subnormal: x64 cores take a slow microcode path for subnormals, and 2⁻¹²⁵ is nothing next to the row's sum ≥ 1).
/// </summary>
public sealed class SoftmaxExponential
{
    public const int LowBits = 5, MiddleBits = 5, HighBits = 6;

    /// <summary>The bits of <see cref="Floor"/>: 2⁻¹²⁵.</summary>
    public const int FloorBits = 0x01000000;

    /// <summary>e for every distance beyond the horizon: 2⁻¹²⁵, below exp(−86) ≈ 2⁻¹²⁴·⁰⁷.</summary>
    public static float Floor => BitConverter.Int32BitsToSingle(FloorBits);

    /// <summary>The exponent at the horizon: the largest distance with d·s ≤ 86 still gets its exponential.</summary>
    public const double HorizonExponent = 86;

    private SoftmaxExponential(float step, int horizon)
    {
        Step = step;
        Horizon = horizon;
        High = Table(HighBits, LowBits + MiddleBits);
        Middle = Table(MiddleBits, LowBits);
        Low = Table(LowBits, 0);
    }

    /// <summary>The step s of the scores.</summary>
    public float Step { get; }

    /// <summary>The largest distance d ≤ 65535 with d·s ≤ 86 (the double product of an int16 and a float is exact).</summary>
    public int Horizon { get; }

    /// <summary>exp(−min(1024a, horizon)·s) rounded to float; the min only touches entries no distance within the horizon uses.</summary>
    internal float[] High { get; }

    internal float[] Middle { get; }

    internal float[] Low { get; }

    /// <summary>The tables for scores of step <paramref name="step"/> (positive and finite): 128 double exponentials.</summary>
    public static SoftmaxExponential For(float step)
    {
        HostKernelArguments.RequireStep(step, nameof(step));
        return new SoftmaxExponential(step, HorizonOf(step));
    }

    /// <summary>e = exp(−d·s) for one distance d ∈ [0, 65535].</summary>
    public float Evaluate(int distance)
    {
        if (distance > Horizon) return Floor;
        return (High[distance >> (LowBits + MiddleBits)] * Middle[(distance >> LowBits) & 31]) * Low[distance & 31];
    }

    private static int HorizonOf(float step)
    {
        double bound = Math.Min(Math.Floor(HorizonExponent / step), ushort.MaxValue);
        int horizon = (int)bound;
        // The division rounds, so settle the last unit on the exact products.
        while (horizon > 0 && (double)horizon * step > HorizonExponent) horizon--;
        while (horizon < ushort.MaxValue && (double)(horizon + 1) * step <= HorizonExponent) horizon++;
        return horizon;
    }

    private float[] Table(int bits, int shift)
    {
        var table = new float[1 << bits];
        for (int j = 0; j < table.Length; j++)
            table[j] = (float)PortableMath.Exp(-(double)Math.Min(j << shift, Horizon) * Step);
        return table;
    }
}
