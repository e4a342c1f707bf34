using Quasar.HwGen.Core.Numerics;

namespace Quasar.HwGen.Tests.Numerics;

/// <summary>Per-row symmetric quantization of a weight matrix at export (docs/numerics.md §1).</summary>
[TestFixture]
public sealed class WeightQuantizerTests
{
    [Test]
    public void Each_row_gets_its_own_step_and_rounds_ties_to_even()
    {
        float[] w =
        [
            7f, -3.5f, 0f, 1.75f,          // 4-bit: step 7/7 = 1
            127f, -254f, 1f, 3f,           // 8-bit: step 254/127 = 2
        ];

        var q = WeightQuantizer.Quantize(w, 2, 4, [false, true]);

        Assert.That(q.Scales, Is.EqualTo(new[] { 1f, 2f }));
        Assert.That(q.Values, Is.EqualTo(new sbyte[] { 7, -4, 0, 2, 64, -127, 0, 2 }));
        Assert.That(q.Is8, Is.EqualTo(new[] { false, true }));
    }

    [Test]
    public void A_zero_row_gets_step_1_and_zero_values()
    {
        var q = WeightQuantizer.Quantize(new float[6], 2, 3, [true, false]);

        Assert.That(q.Scales, Is.EqualTo(new[] { 1f, 1f }));
        Assert.That(q.Values, Is.All.EqualTo((sbyte)0));
    }

    [Test]
    public void Random_rows_stay_in_their_range_reach_its_end_and_reconstruct_within_half_a_step()
    {
        var random = new Random(17);
        const int rows = 64, columns = 100;
        var w = new float[rows * columns];
        for (int i = 0; i < w.Length; i++) w[i] = (float)((random.NextDouble() - 0.5) * Math.ScaleB(1, random.Next(-6, 3)));
        var is8 = Enumerable.Range(0, rows).Select(_ => random.Next(2) == 0).ToArray();

        var q = WeightQuantizer.Quantize(w, rows, columns, is8);

        for (int r = 0; r < rows; r++)
        {
            var row = q.Values.AsSpan(r * columns, columns).ToArray().Select(v => (int)v).ToArray();
            int qmax = is8[r] ? 127 : 7;
            Assert.That(row, Is.All.InRange(is8[r] ? -128 : -8, qmax), $"row {r}");
            Assert.That(row.Max(Math.Abs), Is.EqualTo(qmax), $"row {r}: the largest magnitude maps to qmax");
            for (int k = 0; k < columns; k++)
            {
                float error = MathF.Abs(row[k] * q.Scales[r] - w[r * columns + k]);
                Assert.That(error, Is.LessThanOrEqualTo(q.Scales[r] * 0.5f * 1.0001f), $"[{r}, {k}]");
            }
        }
    }

    [Test]
    public void A_4_bit_row_never_leaves_minus_8_to_7()
    {
        float[] w = [-1f, 1f, -0.99f, 0.3f, -0.6f, 0.0714f];

        var q = WeightQuantizer.Quantize(w, 1, 6, [false]);

        Assert.That(q.Scales[0], Is.EqualTo(1f / 7f));
        Assert.That(q.Values, Is.EqualTo(new sbyte[] { -7, 7, -7, 2, -4, 0 }));
    }

    [Test]
    public void A_non_finite_weight_is_refused_by_position()
    {
        var error = Assert.Throws<ArgumentException>(() => WeightQuantizer.Quantize([1f, float.NaN], 1, 2, [true]))!;

        Assert.That(error.Message, Does.Contain("weight [0, 1]"));
    }

    [Test]
    public void A_precision_map_of_the_wrong_length_is_refused()
    {
        Assert.Throws<ArgumentException>(() => WeightQuantizer.Quantize(new float[4], 2, 2, [true]));
    }
}
