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
        ConfigRules.InRange(issues, "head_dim", space.HeadDim, 1, ConfigLimits.MaxHeadDim, "number of channels per head");
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
        ConfigRules.InRange(issues, "image.size", image.Size, 1, ConfigLimits.MaxImageSize, "number of pixels");
        ConfigRules.InRange(issues, "image.patch_size", image.PatchSize, 1, ConfigLimits.MaxPatchSize, "number of pixels");
        if (image.Size > 0 && image.PatchSize > 0 && image.Size % image.PatchSize != 0)
        {
            var divisors = Enumerable.Range(1, Math.Min(image.Size, ConfigLimits.MaxPatchSize)).Where(d => image.Size % d == 0);
            issues.Add(new("image.patch_size",
                $"{image.PatchSize} does not divide image.size {image.Size}; choose one of {ConfigText.Set(divisors)}"));
        }
        else if (image.Size > 0 && image.PatchSize > 0 && image.Size / image.PatchSize > ConfigLimits.MaxPatchesPerSide)
        {
            // Tokens grow with the square of patches a side; bound them before anything multiplies them.
            issues.Add(new("image.patch_size",
                $"{image.PatchSize} cuts image.size {image.Size} into {image.Size / image.PatchSize} patches a side; at most {ConfigLimits.MaxPatchesPerSide} are supported ({ConfigLimits.MaxTokens} tokens): use patches of at least {CeilDiv(image.Size, ConfigLimits.MaxPatchesPerSide)} pixels"));
        }
        ConfigRules.InRange(issues, "image.channels", image.Channels, 1, ConfigLimits.MaxChannels, "number of channels");
        if (image.Classes < ConfigLimits.MinClasses) issues.Add(new("image.classes", $"{image.Classes} is too few; a classifier needs at least {ConfigLimits.MinClasses} classes"));
        else ConfigRules.InRange(issues, "image.classes", image.Classes, ConfigLimits.MinClasses, ConfigLimits.MaxClasses, "number of classes");
        PerChannel(issues, "image.mean", image.Mean, image.Channels);
        PerChannel(issues, "image.std", image.Std, image.Channels);
        for (int c = 0; c < image.Mean.Count; c++) ConfigRules.Fraction(issues, $"image.mean[{c}]", image.Mean[c], "pixels are scaled to [0, 1] before the mean is subtracted");
        for (int c = 0; c < image.Std.Count; c++)
        {
            if (image.Std[c] <= 0 || !double.IsFinite(image.Std[c])) ConfigRules.Positive(issues, $"image.std[{c}]", image.Std[c], "standard deviation");
            else ConfigRules.InRange(issues, $"image.std[{c}]", image.Std[c], ConfigLimits.MinStd, ConfigLimits.MaxStd, "standard deviation");
        }
    }

    private static int CeilDiv(int a, int b) => (a + b - 1) / b;

    private static void PerChannel(List<ConfigIssue> issues, string field, ValueList<double> values, int channels)
    {
        if (channels > 0 && values.Count != channels)
            issues.Add(new(field, $"has {values.Count} {(values.Count == 1 ? "value" : "values")} but image.channels is {channels}; give one value per channel"));
    }

    private static void CheckChoices(List<ConfigIssue> issues, SearchChoices choices)
    {
        Counts(issues, "choices.embed_dims", choices.EmbedDims, ConfigLimits.MaxEmbedDim, "embedding dim");
        Counts(issues, "choices.depths", choices.Depths, ConfigLimits.MaxDepth, "number of layers");
        Counts(issues, "choices.heads", choices.Heads, ConfigLimits.MaxHeads, "number of heads");

        ConfigRules.NonEmpty(issues, "choices.mlp_ratios", choices.MlpRatios);
        for (int i = 0; i < choices.MlpRatios.Count; i++)
        {
            var ratio = choices.MlpRatios[i];
            var field = $"choices.mlp_ratios[{i}]";
            if (!MlpRatioInRange(issues, field, ratio)) continue;
            foreach (var embed in choices.EmbedDims.Where(e => e is > 0 and <= ConfigLimits.MaxEmbedDim && !SearchSpace.IsWhole(e * ratio)))
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

    /// <summary>
    /// An MLP ratio within <see cref="ConfigLimits"/>; false if not (then whole-number checks would only add noise).
    /// Shared with the subnet rules.
    /// </summary>
    public static bool MlpRatioInRange(List<ConfigIssue> issues, string field, double ratio)
    {
        int before = issues.Count;
        if (ratio <= 0 || !double.IsFinite(ratio)) ConfigRules.Positive(issues, field, ratio, "ratio");
        else ConfigRules.InRange(issues, field, ratio, ConfigLimits.MinMlpRatio, ConfigLimits.MaxMlpRatio, "MLP ratio");
        return issues.Count == before;
    }

    private static void Counts(List<ConfigIssue> issues, string field, ValueList<int> values, int max, string what)
    {
        ConfigRules.NonEmpty(issues, field, values);
        for (int i = 0; i < values.Count; i++) ConfigRules.InRange(issues, $"{field}[{i}]", values[i], 1, max, what);
        ConfigRules.Distinct(issues, field, values, ConfigText.Number);
    }
}
