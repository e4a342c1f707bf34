using Quasar.HwGen.Training.Model;
using Quasar.HwGen.Training.Spaces;
using Quasar.HwGen.Training.Tests.Support;
using static TorchSharp.torch;

namespace Quasar.HwGen.Training.Tests.Model;

/// <summary>The elastic ViT: subnet shapes, the patch layout, and the entangled storage.</summary>
[TestFixture]
public sealed class SupernetTests
{
    [Test]
    public void Largest_smallest_and_random_subnets_all_produce_one_logit_row_per_image()
    {
        using var supernet = new Supernet(BuiltInSpaces.FashionMnist);
        var sampler = new SubnetSampler(BuiltInSpaces.FashionMnist);
        using var images = randn(3, 1, 28, 28);
        foreach (var subnet in new[] { sampler.Largest(), sampler.Smallest(), sampler.Sample(new Random(3)) })
        {
            supernet.Subnet = subnet;
            using var logits = supernet.forward(images);
            Assert.That(logits.shape, Is.EqualTo(new long[] { 3, 10 }), subnet.Describe());
        }
    }

    [Test]
    public void Patches_are_rows_in_raster_order_with_columns_c_p_plus_i_times_p_plus_j()
    {
        var spec = BuiltInSpaces.FashionMnist with { Name = "rgb", ImageSize = 8, Channels = 3, Mean = [0f, 0f, 0f], Std = [1f, 1f, 1f] };
        using var supernet = new Supernet(spec);
        using var images = arange(2 * 3 * 8 * 8, dtype: float32).reshape(2, 3, 8, 8);
        using var patches = supernet.Patchify(images);
        Assert.That(patches.shape, Is.EqualTo(new long[] { 2, 4, 48 }));
        var values = patches.data<float>().ToArray();
        for (int b = 0; b < 2; b++)
            for (int n = 0; n < 4; n++)
                for (int c = 0; c < 3; c++)
                    for (int i = 0; i < 4; i++)
                        for (int j = 0; j < 4; j++)
                        {
                            int y = (n / 2) * 4 + i, x = (n % 2) * 4 + j;
                            float expected = ((b * 3 + c) * 8 + y) * 8 + x;
                            Assert.That(values[(b * 4 + n) * 48 + (c * 4 + i) * 4 + j], Is.EqualTo(expected));
                        }
    }

    [Test]
    public void A_smaller_subnet_uses_the_leading_slice_of_the_largest_weights()
    {
        using var supernet = new Supernet(TinySpace.Spec);
        var fc1 = supernet.Blocks[0].Fc1;
        var slice = new LinearSlice(Out: 32, In: 16, Row8: 1.0);
        var (weight, _) = fc1.Slice(slice);
        using (weight)
        {
            Assert.That(weight.shape, Is.EqualTo(new long[] { 32, 16 }));
            using var expected = fc1.Weight.narrow(0, 0, 32).narrow(1, 0, 16);
            Assert.That(weight.contiguous().data<float>().ToArray(), Is.EqualTo(expected.contiguous().data<float>().ToArray()));
        }
    }

    [Test]
    public void A_subnet_outside_the_space_is_refused_naming_the_choice()
    {
        using var supernet = new Supernet(TinySpace.Spec);
        var bad = new SubnetChoice(20, [new LayerChoice(1, 2.0, 0, 0, 0, 0)], 0, 0);
        var error = Assert.Throws<ArgumentException>(() => supernet.Subnet = bad);
        Assert.That(error!.Message, Does.Contain("embed 20 not in [16, 24]"));
    }

    [Test]
    public void Sampling_is_a_function_of_the_random_stream()
    {
        var sampler = new SubnetSampler(BuiltInSpaces.FashionMnist);
        var a = sampler.Sample(new Random(5));
        var b = sampler.Sample(new Random(5));
        Assert.That(a.Describe(), Is.EqualTo(b.Describe()));
        Assert.That(a.Layers, Is.EqualTo(b.Layers));
    }

    [Test]
    public void A_description_names_every_choice_of_every_block()
    {
        var subnet = new SubnetChoice(80, [new LayerChoice(2, 3.0, 0.25, 0.5, 0.75, 1.0), new LayerChoice(3, 4.0, 0.0, 1.0, 0.5, 0.25)], 0.75, 0.5);
        Assert.That(subnet.Describe(), Is.EqualTo("d80 L2 | h2 r3 w8 .25/.5/.75/1 | h3 r4 w8 0/1/.5/.25 | patch .75 head .5"));
    }
}
