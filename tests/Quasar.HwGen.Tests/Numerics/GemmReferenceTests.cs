using Quasar.HwGen.Core.Numerics;

namespace Quasar.HwGen.Tests.Numerics;

/// <summary>The naive spec GEMM: hand-computed results, its input checks, and agreement with the plain sum.</summary>
[TestFixture]
public sealed class GemmReferenceTests
{
    [Test]
    public void A_small_product_with_a_4_bit_and_an_8_bit_row_matches_the_hand_computation()
    {
        sbyte[] x = [1, 2, -32, 31];               // 2 × 2
        sbyte[] w = [3, -4, -128, 127];            // row 0 4-bit, row 1 8-bit

        var acc = GemmReference.Multiply(x, 2, w, 2, 2, [false, true]);

        // [1·3 + 2·(−4), 1·(−128) + 2·127; −32·3 + 31·(−4), −32·(−128) + 31·127]
        Assert.That(acc, Is.EqualTo(new[] { -5, 126, -220, 8033 }));
    }

    [Test]
    public void The_two_nibble_passes_equal_the_plain_sum_of_products_on_random_problems()
    {
        foreach (var problem in GemmCases.Generate(new Random(11), 300))
        {
            var acc = GemmReference.Multiply(problem.X, problem.M, problem.W, problem.N, problem.K, problem.Is8);

            for (int t = 0; t < problem.M; t++)
            {
                for (int r = 0; r < problem.N; r++)
                {
                    long sum = 0;
                    for (int j = 0; j < problem.K; j++) sum += problem.X[t * problem.K + j] * problem.W[r * problem.K + j];
                    if (acc[t * problem.N + r] != sum) Assert.Fail($"{problem}: [{t}, {r}] = {acc[t * problem.N + r]}, Σ x·w = {sum}");
                }
            }
        }
    }

    [Test]
    public void A_4_bit_row_holding_an_8_bit_value_is_refused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => GemmReference.Multiply([1, 1], 1, [0, 0, 8, 0], 2, 2, [true, false]))!;

        Assert.That(error.Message, Does.Contain("weight [1, 0] of a 4-bit row"));
    }

    [Test]
    public void An_activation_outside_6_bits_is_refused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => GemmReference.Multiply([0, 32], 1, [1, 1], 1, 2, [true]))!;

        Assert.That(error.Message, Does.Contain("activation [0, 1]"));
    }

    [Test]
    public void A_precision_map_of_the_wrong_length_is_refused()
    {
        Assert.Throws<ArgumentException>(() => GemmReference.Multiply([1], 1, [1, 1], 2, 1, [true]));
    }
}
