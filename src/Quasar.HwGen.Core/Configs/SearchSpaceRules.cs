namespace Quasar.HwGen.Core.Configs;

/// <summary>The validation rules of a <see cref="SearchSpace"/>; field paths use the YAML keys.</summary>
internal static class SearchSpaceRules
{
    private const string RatioMeaning = "a ratio is the fraction of a layer's weight rows held in 8 bits";

    public static IReadOnlyList<ConfigIssue> Check(SearchSpace space)
    {
        var issues = new List<ConfigIssue>();
        ConfigRules.Name(issues, "name", space.Name);
        CheckImage(issues, space.Image);
        CheckChoices(issues, space.Choices);
        ConfigRules.Positive(issues, "head_dim", space.HeadDim, "number of channels per head");
        if (space.ActivationBits != SearchSpace.SupportedActivationBits)
        {
            issues.Add(new("activation_bits",
                $"{space.ActivationBits} is not supported; the GEMM engine takes 6-bit activations only (set {SearchSpace.SupportedActivationBits})"));
        }
        if (space.WeightBits != SearchSpace.SupportedWeightBits)
        {
            issues.Add(new("weight_bits",
                $"{space.WeightBits} is not supported; the GEMM engine computes 4-bit rows and 8-bit rows (as two 4-bit passes) only: set {SearchSpace.SupportedWeightBits}"));
        }
        return issues;
    }

    private static void CheckImage(List<ConfigIssue> issues, ImageSpec image)
    {
        ConfigRules.Positive(issues, "image.size", image.Size, "number of pixels");
        ConfigRules.Positive(issues, "image.patch_size", image.PatchSize, "number of pixels");
        if (image.Size > 0 && image.PatchSize > 0 && image.Size % image.PatchSize != 0)
        {
            var divisors = Enumerable.Range(1, image.Size).Where(d => image.Size % d == 0);
            issues.Add(new("image.patch_size",
                $"{image.PatchSize} does not divide image.size {image.Size}; choose one of {ConfigText.Set(divisors)}"));
        }
        ConfigRules.Positive(issues, "image.channels", image.Channels, "number of channels");
        if (image.Classes < 2) issues.Add(new("image.classes", $"{image.Classes} is too few; a classifier needs at least 2 classes"));
        PerChannel(issues, "image.mean", image.Mean, image.Channels);
        PerChannel(issues, "image.std", image.Std, image.Channels);
        for (int c = 0; c < image.Std.Count; c++) ConfigRules.Positive(issues, $"image.std[{c}]", image.Std[c], "standard deviation");
    }

    private static void PerChannel(List<ConfigIssue> issues, string field, ValueList<double> values, int channels)
    {
        if (channels > 0 && values.Count != channels)
            issues.Add(new(field, $"has {values.Count} {(values.Count == 1 ? "value" : "values")} but image.channels is {channels}; give one value per channel"));
    }

    private static void CheckChoices(List<ConfigIssue> issues, SearchChoices choices)
    {
        PositiveInts(issues, "choices.embed_dims", choices.EmbedDims, "embedding dim");
        PositiveInts(issues, "choices.depths", choices.Depths, "number of layers");
        PositiveInts(issues, "choices.heads", choices.Heads, "number of heads");

        ConfigRules.NonEmpty(issues, "choices.mlp_ratios", choices.MlpRatios);
        for (int i = 0; i < choices.MlpRatios.Count; i++)
        {
            var ratio = choices.MlpRatios[i];
            var field = $"choices.mlp_ratios[{i}]";
            if (ratio <= 0)
            {
                ConfigRules.Positive(issues, field, ratio, "ratio");
                continue;
            }
            foreach (var embed in choices.EmbedDims.Where(e => e > 0 && !SearchSpace.IsWhole(e * ratio)))
            {
                issues.Add(new(field,
                    $"{ConfigText.Number(ratio)} × embed dim {embed} = {ConfigText.Number(embed * ratio)} is not a whole number of hidden units; every embed dim × mlp ratio must be an integer"));
                break;
            }
        }
        ConfigRules.Distinct(issues, "choices.mlp_ratios", choices.MlpRatios, ConfigText.Number);

        ConfigRules.NonEmpty(issues, "choices.row_8bit_ratios", choices.Row8BitRatios);
        for (int i = 0; i < choices.Row8BitRatios.Count; i++)
            ConfigRules.Fraction(issues, $"choices.row_8bit_ratios[{i}]", choices.Row8BitRatios[i], RatioMeaning);
        ConfigRules.Distinct(issues, "choices.row_8bit_ratios", choices.Row8BitRatios, ConfigText.Number);
    }

    private static void PositiveInts(List<ConfigIssue> issues, string field, ValueList<int> values, string what)
    {
        ConfigRules.NonEmpty(issues, field, values);
        for (int i = 0; i < values.Count; i++) ConfigRules.Positive(issues, $"{field}[{i}]", values[i], what);
        ConfigRules.Distinct(issues, field, values, ConfigText.Number);
    }
}
