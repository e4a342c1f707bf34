using Quasar.HwGen.Core.Configs;

namespace Quasar.HwGen.Tests.Configs;

/// <summary>MACs, weights and 8-bit shares of a subnet, against numbers worked out by hand.</summary>
[TestFixture]
public sealed class SubnetCostTests
{
    /// <summary>8×8 grey images in 4×4 patches (4 patches, 5 tokens), 2 classes, head dim 4.</summary>
    private static readonly SearchSpace Toy = new(
        "toy",
        new ImageSpec(Size: 8, PatchSize: 4, Channels: 1, Classes: 2, Mean: [0.5], Std: [0.25]),
        new SearchChoices(EmbedDims: [8], Depths: [1], Heads: [1], MlpRatios: [2.0], Row8BitRatios: [0.0, 0.25, 0.5, 1.0]),
        HeadDim: 4,
        ActivationBits: 6,
        WeightBits: [4, 8]);

    /// <summary>Embed 8, one layer of one head, MLP ratio 2 (hidden 16).</summary>
    private static readonly Subnet Mixed = new("toy", EmbedDim: 8, Depth: 1, PatchEmbedRow8Bit: 1.0, HeadRow8Bit: 0.0,
        Layers: [new SubnetLayer(Heads: 1, MlpRatio: 2.0, QkvRow8Bit: 0.5, ProjRow8Bit: 0.0, Fc1Row8Bit: 0.25, Fc2Row8Bit: 1.0)]);

    [Test]
    public void The_toy_space_and_subnet_are_valid()
    {
        Assert.That(Toy.FindIssues(), Is.Empty);
        Assert.That(Mixed.FindIssues(Toy), Is.Empty);
    }

    [Test]
    public void The_linears_have_the_hand_derived_shapes()
    {
        var shapes = Mixed.Linears(Toy).Select(l => (l.Name, l.Tokens, l.InFeatures, l.OutFeatures));

        Assert.That(shapes, Is.EqualTo(new[]
        {
            ("patch_embed", 4, 16, 8),  // 4 patches (no class token) × 1·4·4 pixels → embed 8
            ("layers[0].qkv", 5, 8, 12), // 5 tokens, embed 8 → 3 · 1 head · 4
            ("layers[0].proj", 5, 4, 8), // attention dim 4 → embed 8
            ("layers[0].fc1", 5, 8, 16), // embed 8 → 8 · 2
            ("layers[0].fc2", 5, 16, 8),
            ("head", 1, 8, 2),           // the class token only → 2 classes
        }));
    }

    [Test]
    public void Macs_add_the_linears_and_the_attention_matmuls()
    {
        // patch 4·16·8 = 512; qkv 5·8·12 = 480; Q·Kᵀ and P·V 2·1·5·5·4 = 200; proj 5·4·8 = 160;
        // fc1 5·8·16 = 640; fc2 5·16·8 = 640; head 1·8·2 = 16. Total 2648.
        Assert.That(Mixed.AttentionMacs(Toy), Is.EqualTo(200));
        Assert.That(Mixed.Macs(Toy), Is.EqualTo(2648));
    }

    [Test]
    public void The_8_bit_share_counts_weights_of_8_bit_rows()
    {
        // weights: patch 128, qkv 96, proj 32, fc1 128, fc2 128, head 16 = 528.
        // 8-bit rows: patch 8 of 8 (128), qkv 6 of 12 (48), proj 0, fc1 4 of 16 (32), fc2 8 of 8 (128), head 0 = 336.
        Assert.That(Mixed.Weights(Toy), Is.EqualTo(528));
        Assert.That(Mixed.EightBitWeightFraction(Toy), Is.EqualTo(336.0 / 528));
        // 336 weights at 8 bits + 192 at 4 bits = 3456 bits.
        Assert.That(Mixed.WeightBytes(Toy), Is.EqualTo(432));
    }

    [TestCase(10, 0.25, 3, Description = "2.5 rows: halves round up")]
    [TestCase(10, 0.75, 8, Description = "7.5 rows")]
    [TestCase(10, 0.5, 5)]
    [TestCase(96, 0.25, 24)]
    [TestCase(7, 0.0, 0)]
    [TestCase(7, 1.0, 7)]
    public void A_ratio_becomes_the_nearest_whole_number_of_rows(int rows, double ratio, int eightBitRows)
    {
        Assert.That(SubnetLinear.EightBitRowCount(rows, ratio), Is.EqualTo(eightBitRows));
    }

    [Test]
    public void The_largest_fashion_mnist_subnet_costs_36_mmacs()
    {
        var space = SampleConfigs.LoadSearchSpace(SampleConfigs.FashionMnist);
        var largest = Subnet.Largest(space);

        // patch 49·16·96 = 75,264; per block (50 tokens, embed 96, 3 heads of 32, hidden 384):
        // qkv 50·96·288 + proj 50·96·96 + fc1 and fc2 2·50·96·384 + attention 2·3·50·50·32 = 6,009,600; head 96·10.
        Assert.That(largest.Macs(space), Is.EqualTo(75_264 + 6 * 6_009_600 + 960));
        Assert.That(largest.Weights(space), Is.EqualTo(16 * 96 + 6 * (96 * 288 + 96 * 96 + 2 * 96 * 384) + 96 * 10));
        Assert.That(largest.EightBitWeightFraction(space), Is.EqualTo(1.0));
        Assert.That(largest.Summary(space), Is.EqualTo("36.134 MMACs, 100.0% of weights in 8-bit rows, 0.67 MB of weights"));
    }

    [Test]
    public void A_hidden_dim_that_is_not_whole_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => SearchSpace.HiddenDim(64, 3.3))!;

        Assert.That(error.Message, Does.StartWith("embed dim 64 × mlp ratio 3.3 = 211.2 is not a whole number"));
        Assert.That(SearchSpace.HiddenDim(216, 3.5), Is.EqualTo(756));
    }
}
