using Quasar.HwGen.Bench;
using Quasar.HwGen.Bench.FloatModel;
using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Core.Ir;
using Quasar.HwGen.Core.Lowering;
using Quasar.HwGen.Training.Export;
using Quasar.HwGen.Training.Model;
using Quasar.HwGen.Training.Spaces;
using static TorchSharp.torch;

namespace Quasar.HwGen.Training.Tests.Bench;

/// <summary>
/// The float baseline of the benchmarks is like for like with the integer model: the same multiply-accumulates, and
/// the function the supernet computes for the subnet with fake-quant off.
/// </summary>
[TestFixture]
public sealed class FloatVitModelTests
{
    [TestCase(SampleConfigs.FashionMnistLargest)]
    [TestCase(SampleConfigs.QuasarSLike)]
    public void The_float_model_multiplies_as_many_MACs_per_image_as_the_integer_model_gives_the_FPGA(string subnetName)
    {
        var vit = FloatModelBenchmark.RandomFloatVit(subnetName);
        var a = vit.Architecture;
        var image = new byte[a.Channels * a.ImageSize * a.ImageSize];
        new Random(5).NextBytes(image);
        var graph = VitLowering.Lower(vit, [image]);

        using var model = new FloatVitModel(vit);

        Assert.That(model.MacsPerImage(), Is.EqualTo(IrSummary.FpgaMacs(graph)));
    }

    [Test]
    public void The_float_model_computes_the_logits_of_the_supernet_with_fake_quant_off()
    {
        var spec = BuiltInSpaces.FashionMnist;
        using var supernet = new Supernet(spec);
        using (no_grad())
        {
            // Biases, norms, λ and tokens away from their initial zeros and ones, so that every one of them is checked.
            manual_seed(11);
            foreach (var parameter in supernet.parameters()) parameter.add_(randn_like(parameter) * 0.05);
        }
        var subnet = new SubnetChoice(80,
            [new LayerChoice(2, 2.0, 0.25, 0.5, 0.75, 1.0), new LayerChoice(3, 4.0, 0.0, 1.0, 0.5, 0.25), new LayerChoice(2, 3.0, 1.0, 0.0, 0.0, 0.5), new LayerChoice(3, 2.0, 0.5, 0.5, 0.5, 0.5)],
            PatchEmbedRow8: 0.75, HeadRow8: 0.5);
        supernet.Subnet = subnet;
        supernet.SetFakeQuant(false);
        supernet.eval();
        using var images = randn(3, 1, 28, 28);
        using var expected = supernet.forward(images);

        using var model = new FloatVitModel(SubnetExporter.Export(supernet, subnet));
        using var actual = model.forward(images);

        Assert.That(actual.shape, Is.EqualTo(new long[] { 3, 10 }));
        Assert.That(actual.data<float>().ToArray(), Is.EqualTo(expected.data<float>().ToArray()).Within(1e-4f));
    }
}
