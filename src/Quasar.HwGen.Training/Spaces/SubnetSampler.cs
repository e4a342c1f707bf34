namespace Quasar.HwGen.Training.Spaces;

/// <summary>Draws subnets of a space: uniformly per choice (AutoFormer), or its largest / smallest member.</summary>
public sealed class SubnetSampler(SupernetSpec spec)
{
    private readonly SupernetSpec _spec = spec ?? throw new ArgumentNullException(nameof(spec));

    /// <summary>Every dimension at its maximum, every linear fully 8-bit.</summary>
    public SubnetChoice Largest()
    {
        double row8 = _spec.Row8Ratios.Max();
        var layer = new LayerChoice(_spec.MaxHeads, _spec.MlpRatios.Max(), row8, row8, row8, row8);
        return new SubnetChoice(_spec.MaxEmbed, Enumerable.Repeat(layer, _spec.MaxDepth).ToArray(), row8, row8);
    }

    /// <summary>Every dimension at its minimum, every linear at the lowest 8-bit ratio.</summary>
    public SubnetChoice Smallest()
    {
        double row8 = _spec.Row8Ratios.Min();
        var layer = new LayerChoice(_spec.Heads.Min(), _spec.MlpRatios.Min(), row8, row8, row8, row8);
        return new SubnetChoice(_spec.EmbedDims.Min(), Enumerable.Repeat(layer, _spec.Depths.Min()).ToArray(), row8, row8);
    }

    /// <summary>A uniform draw of every choice (depth first, then per block), consuming <paramref name="random"/> in a fixed order.</summary>
    public SubnetChoice Sample(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        int embed = Pick(random, _spec.EmbedDims);
        int depth = Pick(random, _spec.Depths);
        var layers = new LayerChoice[depth];
        for (int i = 0; i < depth; i++)
        {
            layers[i] = new LayerChoice(
                Pick(random, _spec.Heads),
                Pick(random, _spec.MlpRatios),
                Pick(random, _spec.Row8Ratios),
                Pick(random, _spec.Row8Ratios),
                Pick(random, _spec.Row8Ratios),
                Pick(random, _spec.Row8Ratios));
        }
        return new SubnetChoice(embed, layers, Pick(random, _spec.Row8Ratios), Pick(random, _spec.Row8Ratios));
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> choices) => choices[random.Next(choices.Count)];
}
