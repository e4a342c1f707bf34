using Quasar.HwGen.Core.Lowering;
using Quasar.HwGen.Training.Data;
using Quasar.HwGen.Training.Export;
using Quasar.HwGen.Training.Model;
using Quasar.HwGen.Training.Spaces;
using Quasar.HwGen.Training.Tests.Support;
using static TorchSharp.torch;

namespace Quasar.HwGen.Training.Tests.Export;

/// <summary>The exported FloatVit has the subnet's shapes, maps and values, taken from the right slices.</summary>
[TestFixture]
public sealed class SubnetExporterTests
{
    [Test]
    public void An_exported_subnet_of_the_fashion_mnist_space_has_the_shapes_of_the_subnet()
    {
        var spec = BuiltInSpaces.FashionMnist;
        using var supernet = new Supernet(spec);
        var subnet = new SubnetChoice(80,
            [new LayerChoice(2, 2.0, 0.25, 0.5, 0.75, 1.0), new LayerChoice(3, 4.0, 0.0, 1.0, 0.5, 0.25), new LayerChoice(2, 3.0, 1.0, 0.0, 0.0, 0.5), new LayerChoice(3, 2.0, 0.5, 0.5, 0.5, 0.5)],
            PatchEmbedRow8: 0.75, HeadRow8: 0.5);

        var vit = SubnetExporter.Export(supernet, subnet);

        var a = vit.Architecture;
        Assert.That((a.ImageSize, a.PatchSize, a.Channels, a.Classes, a.EmbedDim, a.Tokens, a.PatchFeatures), Is.EqualTo((28, 4, 1, 10, 80, 50, 16)));
        Assert.That(a.Mean, Is.EqualTo(new[] { 0.2860f }));
        AssertLinear(vit.PatchEmbed, 80, 16, 0.75);
        AssertLinear(vit.Head, 10, 80, 0.5);
        Assert.That(vit.ClassToken, Has.Length.EqualTo(80));
        Assert.That(vit.PositionEmbedding, Has.Length.EqualTo(50 * 80));
        Assert.That(vit.NormGamma, Has.Length.EqualTo(80));
        Assert.That(vit.Blocks, Has.Count.EqualTo(4));
        for (int i = 0; i < 4; i++)
        {
            var layer = subnet.Layers[i];
            var block = vit.Blocks[i];
            int attention = layer.Heads * 32, hidden = (int)Math.Round(layer.MlpRatio * 80);
            Assert.That(a.Blocks[i], Is.EqualTo(new BlockArchitecture(layer.Heads, 32, hidden, layer.Qkv8, layer.Proj8, layer.Fc1Row8, layer.Fc2Row8)));
            AssertLinear(block.Qkv, 3 * attention, 80, layer.Qkv8);
            AssertLinear(block.Proj, 80, attention, layer.Proj8);
            AssertLinear(block.Fc1, hidden, 80, layer.Fc1Row8);
            AssertLinear(block.Fc2, 80, hidden, layer.Fc2Row8);
            Assert.That(new[] { block.Norm1Gamma, block.Norm1Beta, block.Sls1, block.Norm2Gamma, block.Norm2Beta, block.Sls2 }.Select(v => v.Length), Is.All.EqualTo(80));
        }
    }

    [Test]
    public void Qkv_rows_are_the_leading_rows_of_the_stored_Q_K_and_V_groups_and_steps_are_the_learned_ones()
    {
        var spec = TinySpace.Spec; // head dim 8, up to 2 heads, embed up to 24
        using var supernet = new Supernet(spec);
        var stored = supernet.Blocks[0].Qkv.Weight.detach().contiguous().data<float>().ToArray(); // [3·16, 24]
        supernet.Blocks[0].Key.SetStep(0.125f);
        var subnet = new SubnetChoice(16, [new LayerChoice(1, 2.0, 0.5, 0.5, 0.5, 0.5)], 0.0, 1.0);

        var vit = SubnetExporter.Export(supernet, subnet);
        var qkv = vit.Blocks[0].Qkv;

        Assert.That((qkv.Out, qkv.In), Is.EqualTo((24, 16)));
        for (int group = 0; group < 3; group++)
            for (int r = 0; r < 8; r++)
                for (int c = 0; c < 16; c++)
                    Assert.That(qkv.Weight[(group * 8 + r) * 16 + c], Is.EqualTo(stored[(group * 16 + r) * 24 + c]), $"group {group} row {r} col {c}");
        Assert.That(qkv.RowIs8Bit, Is.EqualTo(RowPrecisionMap.Leading(24, 0.5)));
        Assert.That(vit.Blocks[0].Steps.Key, Is.EqualTo(0.125f));
        Assert.That(vit.Blocks[0].Steps.Query, Is.Null, "a quantizer that never saw data is left for calibration");
    }

    [Test]
    public void The_exported_FloatVit_computes_the_logits_of_the_fake_quantized_subnet()
    {
        var spec = TinySpace.Spec;
        using var supernet = new Supernet(spec);
        var images = TinySpace.ShippedTest;
        var builder = new BatchBuilder(spec);
        int[] batch = [0, 1, 2, 3, 4, 5];
        using (var scope = NewDisposeScope())
        {
            supernet.train(); // LSQ step initialization on a first batch, as training does
            supernet.forward(builder.Build(images, batch, augment: null));
        }
        var subnet = new SubnetChoice(24, [new LayerChoice(2, 3.0, 0.5, 0.0, 1.0, 0.5), new LayerChoice(1, 2.0, 1.0, 0.5, 0.0, 0.0)], 0.5, 1.0);
        supernet.Subnet = subnet;
        supernet.eval();
        using var input = builder.Build(images, batch, augment: null);
        using var logits = supernet.forward(input);
        var expected = logits.data<float>().ToArray();
        var pixels = input.data<float>().ToArray();

        var vit = SubnetExporter.Export(supernet, subnet);

        for (int b = 0; b < batch.Length; b++)
        {
            var actual = FloatVitReference.Logits(vit, pixels[(b * 784)..((b + 1) * 784)]);
            Assert.That(actual, Is.EqualTo(expected[(b * 10)..((b + 1) * 10)]).Within(2e-3f), $"image {b}");
        }
    }

    private static void AssertLinear(FloatLinear linear, int rows, int columns, double row8)
    {
        Assert.That((linear.Out, linear.In), Is.EqualTo((rows, columns)));
        Assert.That(linear.Weight, Has.Length.EqualTo(rows * columns));
        Assert.That(linear.Bias, Has.Length.EqualTo(rows));
        Assert.That(linear.RowIs8Bit, Is.EqualTo(RowPrecisionMap.Leading(rows, row8)));
    }
}
