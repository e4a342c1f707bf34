using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Search.Evolution;
using Quasar.HwGen.Tests.Hardware;

namespace Quasar.HwGen.Tests.Search;

/// <summary>Mutation and crossover stay in the space and take their genes where they should.</summary>
[TestFixture]
public sealed class SubnetGeneticsTests
{
    private static SearchSpace Space => HardwareSamples.FashionMnist;

    [Test]
    public void A_mutation_with_probability_0_returns_the_parent()
    {
        var genetics = new SubnetGenetics(Space, 0);
        var random = new Random(3);
        foreach (var parent in HardwareSamples.RandomSubnets(Space, 20, seed: 5))
            Assert.That(genetics.Mutate(parent, random), Is.EqualTo(parent));
    }

    [Test]
    public void Mutations_stay_in_the_space_and_change_about_a_fifth_of_the_layer_genes()
    {
        var genetics = new SubnetGenetics(Space, 0.2);
        var random = new Random(4);
        int genes = 0, changed = 0;
        foreach (var parent in HardwareSamples.RandomSubnets(Space, 300, seed: 6))
        {
            var child = genetics.Mutate(parent, random);
            Assert.That(child.FindIssues(Space), Is.Empty);
            for (int i = 0; i < Math.Min(parent.Depth, child.Depth); i++)
            {
                var (p, c) = (parent.Layers[i], child.Layers[i]);
                genes += 2;
                changed += (p.Heads != c.Heads ? 1 : 0) + (p.MlpRatio != c.MlpRatio ? 1 : 0);
            }
        }
        // A gene redrawn with probability 0.2 changes with probability 0.2 × (1 − 1/choices): 0.1 (2 heads), 0.133 (3 ratios).
        Assert.That((double)changed / genes, Is.InRange(0.09, 0.14));
    }

    [Test]
    public void A_crossover_takes_every_layer_whole_from_a_parent()
    {
        var random = new Random(8);
        var parents = HardwareSamples.RandomSubnets(Space, 200, seed: 9);
        for (int n = 0; n + 1 < parents.Count; n += 2)
        {
            var (a, b) = (parents[n], parents[n + 1]);
            var child = SubnetGenetics.Crossover(a, b, random);

            Assert.That(child.FindIssues(Space), Is.Empty);
            Assert.That(child.EmbedDim, Is.AnyOf(a.EmbedDim, b.EmbedDim));
            Assert.That(child.Depth, Is.AnyOf(a.Depth, b.Depth));
            for (int i = 0; i < child.Depth; i++)
            {
                var options = new[] { i < a.Depth ? a.Layers[i] : null, i < b.Depth ? b.Layers[i] : null }.OfType<SubnetLayer>();
                Assert.That(options, Has.Member(child.Layers[i]));
            }
        }
    }
}
