namespace Quasar.HwGen.Core.Configs;

/// <summary>The validation rules of a <see cref="Subnet"/>, alone and as a member of a search space.</summary>
internal static class SubnetRules
{
    private const string RatioMeaning = "a ratio is the fraction of a layer's weight rows held in 8 bits";

    /// <summary>What can be checked without the space: counts within <see cref="ConfigLimits"/>, ratios in [0, 1], one layer per depth.</summary>
    public static IReadOnlyList<ConfigIssue> Check(Subnet subnet)
    {
        var issues = new List<ConfigIssue>();
        ConfigRules.Name(issues, "search_space", subnet.SpaceName);
        ConfigRules.InRange(issues, "embed_dim", subnet.EmbedDim, 1, ConfigLimits.MaxEmbedDim, "embedding dim");
        ConfigRules.InRange(issues, "depth", subnet.Depth, 1, ConfigLimits.MaxDepth, "number of layers");
        ConfigRules.Fraction(issues, "patch_embed_row_8bit", subnet.PatchEmbedRow8Bit, RatioMeaning);
        ConfigRules.Fraction(issues, "head_row_8bit", subnet.HeadRow8Bit, RatioMeaning);
        LayerCount(issues, subnet);
        for (int i = 0; i < subnet.Layers.Count; i++)
        {
            var layer = subnet.Layers[i];
            var path = $"layers[{i}]";
            ConfigRules.InRange(issues, $"{path}.heads", layer.Heads, 1, ConfigLimits.MaxHeads, "number of heads");
            if (SearchSpaceRules.MlpRatioInRange(issues, $"{path}.mlp_ratio", layer.MlpRatio)
                && subnet.EmbedDim is > 0 and <= ConfigLimits.MaxEmbedDim && !SearchSpace.IsWhole(subnet.EmbedDim * layer.MlpRatio))
            {
                issues.Add(new($"{path}.mlp_ratio",
                    $"{ConfigText.Number(layer.MlpRatio)} × embed_dim {subnet.EmbedDim} = {ConfigText.Number(subnet.EmbedDim * layer.MlpRatio)} is not a whole number of hidden units"));
            }
            foreach (var (key, ratio) in Ratios(layer)) ConfigRules.Fraction(issues, $"{path}.{key}", ratio, RatioMeaning);
        }
        return issues;
    }

    /// <summary>Membership: every choice of the subnet is one of the space's; the space must itself be valid.</summary>
    public static IReadOnlyList<ConfigIssue> Check(Subnet subnet, SearchSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        var issues = new List<ConfigIssue>();
        var choices = space.Choices;
        if (subnet.SpaceName != space.Name)
            issues.Add(new("search_space", $"'{subnet.SpaceName}' does not match the search space '{space.Name}' the subnet is checked against"));
        ConfigRules.OneOf(issues, "embed_dim", subnet.EmbedDim, choices.EmbedDims);
        ConfigRules.OneOf(issues, "depth", subnet.Depth, choices.Depths);
        ConfigRules.OneOf(issues, "patch_embed_row_8bit", subnet.PatchEmbedRow8Bit, choices.Row8BitRatios);
        ConfigRules.OneOf(issues, "head_row_8bit", subnet.HeadRow8Bit, choices.Row8BitRatios);
        LayerCount(issues, subnet);
        for (int i = 0; i < subnet.Layers.Count; i++)
        {
            var layer = subnet.Layers[i];
            var path = $"layers[{i}]";
            ConfigRules.OneOf(issues, $"{path}.heads", layer.Heads, choices.Heads);
            ConfigRules.OneOf(issues, $"{path}.mlp_ratio", layer.MlpRatio, choices.MlpRatios);
            foreach (var (key, ratio) in Ratios(layer)) ConfigRules.OneOf(issues, $"{path}.{key}", ratio, choices.Row8BitRatios);
        }
        return issues;
    }

    private static void LayerCount(List<ConfigIssue> issues, Subnet subnet)
    {
        if (subnet.Layers.Count != subnet.Depth)
            issues.Add(new("layers", $"has {subnet.Layers.Count} {(subnet.Layers.Count == 1 ? "entry" : "entries")} but depth is {subnet.Depth}; give one entry per layer"));
    }

    private static (string Key, double Ratio)[] Ratios(SubnetLayer layer) =>
    [
        ("qkv_row_8bit", layer.QkvRow8Bit),
        ("proj_row_8bit", layer.ProjRow8Bit),
        ("fc1_row_8bit", layer.Fc1Row8Bit),
        ("fc2_row_8bit", layer.Fc2Row8Bit),
    ];
}
