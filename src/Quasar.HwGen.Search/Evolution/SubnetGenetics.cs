using Quasar.HwGen.Core.Configs;

namespace Quasar.HwGen.Search.Evolution;

/// <summary>
/// Random subnets, mutations and crossovers within a search space (AutoFormer's operators). Every result is a
/// member of the space by construction; the search checks its FPS.
/// </summary>
public sealed class SubnetGenetics(SearchSpace space, double mutationProbability)
{
    public Subnet Random(Random random) => Subnet.Random(space, random);

    /// <summary>
    /// Each gene changes with <c>mutationProbability</c> to a choice drawn uniformly from the space (possibly the same):
    /// the depth (new layers are random, removed ones drop from the end), the embedding dim, the patch-embedding and
    /// head 8-bit ratios, and per layer its heads, MLP ratio and the 8-bit ratio of each of its four linears.
    /// </summary>
    public Subnet Mutate(Subnet parent, Random random)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(random);
        var c = space.Choices;
        int depth = Maybe(random, parent.Depth, c.Depths);
        int embed = Maybe(random, parent.EmbedDim, c.EmbedDims);
        double patch = Maybe(random, parent.PatchEmbedRow8Bit, c.Row8BitRatios);
        double head = Maybe(random, parent.HeadRow8Bit, c.Row8BitRatios);
        var layers = new SubnetLayer[depth];
        for (int i = 0; i < depth; i++)
        {
            var layer = i < parent.Layers.Count ? parent.Layers[i] : RandomLayer(random);
            layers[i] = new SubnetLayer(
                Maybe(random, layer.Heads, c.Heads),
                Maybe(random, layer.MlpRatio, c.MlpRatios),
                Maybe(random, layer.QkvRow8Bit, c.Row8BitRatios),
                Maybe(random, layer.ProjRow8Bit, c.Row8BitRatios),
                Maybe(random, layer.Fc1Row8Bit, c.Row8BitRatios),
                Maybe(random, layer.Fc2Row8Bit, c.Row8BitRatios));
        }
        return new Subnet(space.Name, embed, depth, patch, head, ValueList.Create<SubnetLayer>(layers));
    }

    /// <summary>
    /// Each choice from either parent with equal odds: the embedding dim, the depth, the patch-embedding and head
    /// ratios, and each layer as a whole (where only one parent has the layer, from that one).
    /// </summary>
    public static Subnet Crossover(Subnet first, Subnet second, Random random)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        ArgumentNullException.ThrowIfNull(random);
        int embed = Coin(random) ? first.EmbedDim : second.EmbedDim;
        int depth = Coin(random) ? first.Depth : second.Depth;
        double patch = Coin(random) ? first.PatchEmbedRow8Bit : second.PatchEmbedRow8Bit;
        double head = Coin(random) ? first.HeadRow8Bit : second.HeadRow8Bit;
        var layers = new SubnetLayer[depth];
        for (int i = 0; i < depth; i++)
        {
            bool inFirst = i < first.Layers.Count, inSecond = i < second.Layers.Count;
            bool fromFirst = inFirst && inSecond ? Coin(random) : inFirst;
            layers[i] = fromFirst ? first.Layers[i] : second.Layers[i];
        }
        return new Subnet(first.SpaceName, embed, depth, patch, head, ValueList.Create<SubnetLayer>(layers));
    }

    private SubnetLayer RandomLayer(Random random)
    {
        var c = space.Choices;
        return new SubnetLayer(Pick(random, c.Heads), Pick(random, c.MlpRatios),
            Pick(random, c.Row8BitRatios), Pick(random, c.Row8BitRatios), Pick(random, c.Row8BitRatios), Pick(random, c.Row8BitRatios));
    }

    private T Maybe<T>(Random random, T current, ValueList<T> choices) =>
        random.NextDouble() < mutationProbability ? Pick(random, choices) : current;

    private static T Pick<T>(Random random, ValueList<T> choices) => choices[random.Next(choices.Count)];

    private static bool Coin(Random random) => random.Next(2) == 0;
}
