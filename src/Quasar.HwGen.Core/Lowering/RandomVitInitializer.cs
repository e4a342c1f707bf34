namespace Quasar.HwGen.Core.Lowering;

/// <summary>
/// Seeded random parameters for an architecture, so every later stage (lowering, emulation, codegen) can be tested
/// before a trained checkpoint exists. Normal(0, 0.02) weights as in ViT, LayerNorm identity, SLS λ = 0.1 (CaiT's init
/// for shallow nets is 0.1), steps left for calibration.
/// </summary>
public static class RandomVitInitializer
{
    private const double WeightStd = 0.02;
    private const float InitialLayerScale = 0.1f;

    public static FloatVit Create(VitArchitecture architecture, int seed)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        var random = new Random(seed);
        int d = architecture.EmbedDim;
        var blocks = architecture.Blocks.Select(block => new FloatBlock(
            Ones(d), new float[d],
            Linear(random, 3 * block.AttentionDim, d, block.Qkv8),
            Linear(random, d, block.AttentionDim, block.Proj8),
            Filled(d, InitialLayerScale),
            Ones(d), new float[d],
            Linear(random, block.MlpHidden, d, block.Fc1Row8),
            Linear(random, d, block.MlpHidden, block.Fc2Row8),
            Filled(d, InitialLayerScale),
            new BlockSteps())).ToList();

        return new FloatVit(
            architecture,
            Linear(random, d, architecture.PatchFeatures, architecture.PatchEmbedRow8, weightStd: 0.1),
            Normal(random, d, WeightStd),
            Normal(random, architecture.Tokens * d, WeightStd),
            blocks,
            Ones(d), new float[d],
            Linear(random, architecture.Classes, d, architecture.HeadRow8));
    }

    private static FloatLinear Linear(Random random, int rows, int columns, double row8, double weightStd = WeightStd) =>
        new(rows, columns, Normal(random, rows * columns, weightStd), Normal(random, rows, WeightStd), RowPrecisionMap.Leading(rows, row8));

    private static float[] Normal(Random random, int count, double std)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            // Box–Muller: deterministic for a seed on every platform, unlike library samplers that may change.
            double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
            values[i] = (float)(std * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }
        return values;
    }

    private static float[] Ones(int count) => Filled(count, 1f);

    private static float[] Filled(int count, float value)
    {
        var values = new float[count];
        Array.Fill(values, value);
        return values;
    }
}
