using Quasar.HwGen.Core.Lowering;
using Quasar.HwGen.Training.Quantization;
using static TorchSharp.torch;

namespace Quasar.HwGen.Training.Tests.Quantization;

/// <summary>The training weight quantizer is the export format of docs/numerics.md §1, code for code.</summary>
[TestFixture]
public sealed class WeightFakeQuantTests
{
    /// <summary>numerics.md §1 in scalar float32: s = max|w|/qmax (zero row: 1), q = clamp(round_even(w/s), −qmax−1, qmax).</summary>
    private static (int[] Codes, float Step) SpecQuantize(ReadOnlySpan<float> row, bool is8)
    {
        float qmax = is8 ? 127f : 7f;
        float max = 0;
        foreach (var w in row) max = MathF.Max(max, MathF.Abs(w));
        float step = max == 0 ? 1f : max / qmax;
        var codes = new int[row.Length];
        for (int k = 0; k < row.Length; k++)
            codes[k] = (int)Math.Clamp(MathF.Round(row[k] / step, MidpointRounding.ToEven), -qmax - 1, qmax);
        return (codes, step);
    }

    private static void AssertMatchesSpec(float[] weights, int rows, int cols, bool[] is8)
    {
        using var scope = NewDisposeScope();
        var w = tensor(weights, [rows, cols]);
        var (codes, steps) = WeightFakeQuant.Quantize(w, WeightFakeQuant.QMaxColumn(is8));
        var fake = WeightFakeQuant.Apply(w, WeightFakeQuant.QMaxColumn(is8));
        var codeValues = codes.data<float>().ToArray();
        var stepValues = steps.data<float>().ToArray();
        var fakeValues = fake.data<float>().ToArray();
        for (int r = 0; r < rows; r++)
        {
            var (expectedCodes, expectedStep) = SpecQuantize(weights.AsSpan(r * cols, cols), is8[r]);
            Assert.That(stepValues[r], Is.EqualTo(expectedStep), $"step of row {r}");
            for (int k = 0; k < cols; k++)
            {
                Assert.That(codeValues[r * cols + k], Is.EqualTo(expectedCodes[k]), $"code [{r},{k}]");
                Assert.That(fakeValues[r * cols + k], Is.EqualTo(expectedCodes[k] * expectedStep), $"fake-quant value [{r},{k}]");
            }
        }
    }

    [Test]
    public void Random_rows_quantize_to_the_codes_and_steps_of_the_numerics_spec_for_4_and_8_bit()
    {
        var random = new Random(7);
        const int rows = 40, cols = 33;
        var weights = new float[rows * cols];
        for (int i = 0; i < weights.Length; i++) weights[i] = (float)((random.NextDouble() * 2 - 1) * Math.Pow(10, random.Next(-3, 1)));
        AssertMatchesSpec(weights, rows, cols, RowPrecisionMap.Leading(rows, 0.4));
    }

    [Test]
    public void Ties_round_to_even_and_a_zero_row_gets_step_one()
    {
        // 4-bit row with max 7 → step 1, so w/s are the exact halves; 8-bit row with max 127 → step 1 likewise.
        float[] weights =
        [
            7f, 0.5f, 1.5f, 2.5f, -2.5f, -0.5f, -3.5f, 6.5f,
            127f, 0.5f, 1.5f, 2.5f, -2.5f, -126.5f, 125.5f, -127f,
            0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f,
        ];
        bool[] is8 = [false, true, false];
        AssertMatchesSpec(weights, 3, 8, is8);

        using var w = tensor(weights, [3, 8]);
        using var qmax = WeightFakeQuant.QMaxColumn(is8);
        var (codes, steps) = WeightFakeQuant.Quantize(w, qmax);
        using (codes)
        using (steps)
        {
            Assert.That(codes[0].data<float>().ToArray(), Is.EqualTo(new float[] { 7, 0, 2, 2, -2, -0, -4, 6 }));
            Assert.That(codes[1].data<float>().ToArray(), Is.EqualTo(new float[] { 127, 0, 2, 2, -2, -126, 126, -127 }));
            Assert.That(steps.data<float>().ToArray(), Is.EqualTo(new float[] { 1, 1, 1 }));
        }
    }

    [Test]
    public void The_straight_through_gradient_is_the_identity()
    {
        using var scope = NewDisposeScope();
        var w = randn(5, 6).requires_grad_(true);
        var upstream = randn(5, 6);
        var fake = WeightFakeQuant.Apply(w, WeightFakeQuant.QMaxColumn(RowPrecisionMap.Leading(5, 0.4)));
        (fake * upstream).sum().backward();
        Assert.That(w.grad!.data<float>().ToArray(), Is.EqualTo(upstream.data<float>().ToArray()));
    }
}
