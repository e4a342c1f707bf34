using System.Globalization;

namespace Quasar.HwGen.Core.Configs;

/// <summary>
/// One architecture sampled from a search space (named by <see cref="SpaceName"/>): the embedding dim and depth, one
/// <see cref="SubnetLayer"/> per block, and the 8-bit row ratios of the patch embedding and of the classifier head.
/// </summary>
public sealed record Subnet(
    string SpaceName,
    int EmbedDim,
    int Depth,
    double PatchEmbedRow8Bit,
    double HeadRow8Bit,
    ValueList<SubnetLayer> Layers)
{
    /// <summary>Problems a subnet has on its own (counts, ratio ranges, layer count), without its space.</summary>
    public IReadOnlyList<ConfigIssue> FindIssues() => SubnetRules.Check(this);

    /// <summary>Every way this subnet lies outside <paramref name="space"/>, naming the layer, the field and the choices.</summary>
    public IReadOnlyList<ConfigIssue> FindIssues(SearchSpace space) => SubnetRules.Check(this, space);

    public void Validate() => ThrowIfAny(FindIssues());

    /// <summary>Throws a <see cref="ConfigException"/> if the subnet is not a member of <paramref name="space"/>.</summary>
    public void Validate(SearchSpace space) => ThrowIfAny(FindIssues(space));

    /// <summary>
    /// Every linear layer in execution order: the patch embedding (over the patches, without the class token), then
    /// qkv, proj, fc1 and fc2 of each block (over all tokens), then the head (over the class token only).
    /// </summary>
    public IReadOnlyList<SubnetLinear> Linears(SearchSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        int tokens = space.TokenCount;
        var linears = new List<SubnetLinear>
        {
            new("patch_embed", space.Image.PatchCount, space.Image.PatchFeatures, EmbedDim, PatchEmbedRow8Bit),
        };
        for (int i = 0; i < Layers.Count; i++)
        {
            var layer = Layers[i];
            int attention = space.AttentionDim(layer.Heads);
            int hidden = SearchSpace.HiddenDim(EmbedDim, layer.MlpRatio);
            linears.Add(new($"layers[{i}].qkv", tokens, EmbedDim, CheckedSize.Product(3, attention, $"layers[{i}].heads", "qkv rows"), layer.QkvRow8Bit));
            linears.Add(new($"layers[{i}].proj", tokens, attention, EmbedDim, layer.ProjRow8Bit));
            linears.Add(new($"layers[{i}].fc1", tokens, EmbedDim, hidden, layer.Fc1Row8Bit));
            linears.Add(new($"layers[{i}].fc2", tokens, hidden, EmbedDim, layer.Fc2Row8Bit));
        }
        linears.Add(new("head", 1, EmbedDim, space.Image.Classes, HeadRow8Bit));
        return linears;
    }

    /// <summary>The attention matmuls: per layer and head, Q·Kᵀ (tokens × tokens × head dim) and P·V (the same).</summary>
    public long AttentionMacs(SearchSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        long tokens = space.TokenCount;
        long perHead = CheckedSize.Product(CheckedSize.Product(2 * tokens, tokens, "image.patch_size", "attention MACs"), space.HeadDim, "head_dim", "attention MACs");
        return Total(Layers.Select((layer, i) => CheckedSize.Product(perHead, layer.Heads, $"layers[{i}].heads", "attention MACs")), "attention MACs");
    }

    /// <summary>
    /// Multiply-accumulates of one image: every linear plus the attention matmuls. LayerNorm, softmax, GELU, biases,
    /// layer scale and residual adds are not MACs and are not counted.
    /// </summary>
    public long Macs(SearchSpace space) => Total([Total(Linears(space).Select(l => l.Macs), "MACs"), AttentionMacs(space)], "MACs");

    /// <summary>Weights of all linears (biases, LayerNorm, embeddings and layer scales not counted).</summary>
    public long Weights(SearchSpace space) => Total(Linears(space).Select(l => l.Weights), "weights");

    /// <summary>The share of <see cref="Weights"/> in 8-bit rows, the paper's "8-bit mixed ratio" of a whole model.</summary>
    public double EightBitWeightFraction(SearchSpace space)
    {
        var linears = Linears(space);
        return (double)Total(linears.Select(l => l.EightBitWeights), "8-bit weights") / Total(linears.Select(l => l.Weights), "weights");
    }

    /// <summary>Bytes of packed weights: 8-bit rows at a byte per weight, 4-bit rows at half a byte.</summary>
    public long WeightBytes(SearchSpace space) => (Total(Linears(space).Select(l => l.WeightBits), "weight bits") + 7) / 8;

    /// <summary>One line of cost: <c>1.415 GMACs, 39.2% of weights in 8-bit rows, 4.31 MB of weights</c>.</summary>
    public string Summary(SearchSpace space)
    {
        long macs = Macs(space);
        var work = macs >= 1_000_000_000
            ? string.Create(CultureInfo.InvariantCulture, $"{macs / 1e9:0.###} GMACs")
            : string.Create(CultureInfo.InvariantCulture, $"{macs / 1e6:0.###} MMACs");
        return string.Create(CultureInfo.InvariantCulture,
            $"{work}, {EightBitWeightFraction(space):0.0%} of weights in 8-bit rows, {WeightBytes(space) / 1e6:0.##} MB of weights");
    }

    /// <summary>The biggest subnet: the largest choice everywhere, 8-bit ratios included.</summary>
    public static Subnet Largest(SearchSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        return Uniform(space, space.MaxEmbedDim, space.MaxDepth, space.MaxHeads, space.MaxMlpRatio, space.MaxRow8BitRatio);
    }

    /// <summary>The smallest subnet: the smallest choice everywhere, 8-bit ratios included.</summary>
    public static Subnet Smallest(SearchSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        return Uniform(space, space.MinEmbedDim, space.MinDepth, space.MinHeads, space.MinMlpRatio, space.MinRow8BitRatio);
    }

    /// <summary>A subnet with the same choices in every layer and one 8-bit ratio for every linear; throws if outside the space.</summary>
    public static Subnet Uniform(SearchSpace space, int embedDim, int depth, int heads, double mlpRatio, double row8Bit)
    {
        ArgumentNullException.ThrowIfNull(space);
        var layers = Enumerable.Repeat(SubnetLayer.Uniform(heads, mlpRatio, row8Bit), Math.Max(depth, 0));
        var subnet = new Subnet(space.Name, embedDim, depth, row8Bit, row8Bit, ValueList.From(layers));
        subnet.Validate(space);
        return subnet;
    }

    /// <summary>A subnet with every choice drawn uniformly and independently (per layer, per linear) from the space.</summary>
    public static Subnet Random(SearchSpace space, Random random)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(random);
        var choices = space.Choices;
        T Pick<T>(ValueList<T> values) => values[random.Next(values.Count)];
        int depth = Pick(choices.Depths);
        int embed = Pick(choices.EmbedDims);
        var layers = new SubnetLayer[depth];
        for (int i = 0; i < depth; i++)
        {
            layers[i] = new SubnetLayer(Pick(choices.Heads), Pick(choices.MlpRatios),
                Pick(choices.Row8BitRatios), Pick(choices.Row8BitRatios), Pick(choices.Row8BitRatios), Pick(choices.Row8BitRatios));
        }
        return new Subnet(space.Name, embed, depth, Pick(choices.Row8BitRatios), Pick(choices.Row8BitRatios), ValueList.Create<SubnetLayer>(layers));
    }

    /// <summary>A checked sum; an overflow (only possible outside the rules' limits) names the layers.</summary>
    private static long Total(IEnumerable<long> values, string what)
    {
        long total = 0;
        foreach (var value in values)
        {
            if (value > long.MaxValue - total)
                throw new ConfigException([new ConfigIssue("layers", $"the subnet's {what} exceed {ConfigText.Number(long.MaxValue)}; keep the configuration within the limits of docs/configs.md")]);
            total += value;
        }
        return total;
    }

    private static void ThrowIfAny(IReadOnlyList<ConfigIssue> issues)
    {
        if (issues.Count > 0) throw new ConfigException(issues);
    }
}
