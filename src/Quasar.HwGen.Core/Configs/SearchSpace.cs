namespace Quasar.HwGen.Core.Configs;

/// <summary>
/// A supernet's search space (docs/configs.md). Attention follows AutoFormer: a layer with <c>h</c> heads has an
/// attention dim of <c>h · <see cref="HeadDim"/></c>, independent of the embedding dim; the qkv linear maps
/// embed → 3·h·head_dim and the projection maps h·head_dim → embed. The MLP hidden dim is embed × mlp_ratio, which
/// the rules require to be a whole number for every pair of choices.
/// </summary>
public sealed record SearchSpace(
    string Name,
    ImageSpec Image,
    SearchChoices Choices,
    int HeadDim,
    int ActivationBits,
    ValueList<int> WeightBits)
{
    /// <summary>The GEMM engine multiplies 6-bit activations (docs/numerics.md §1).</summary>
    public const int SupportedActivationBits = 6;

    /// <summary>The GEMM engine's weight rows are 4-bit, or 8-bit computed as two 4-bit passes.</summary>
    public static ValueList<int> SupportedWeightBits => [4, 8];

    public int MinEmbedDim => Choices.EmbedDims.Min();

    public int MaxEmbedDim => Choices.EmbedDims.Max();

    public int MinDepth => Choices.Depths.Min();

    public int MaxDepth => Choices.Depths.Max();

    public int MinHeads => Choices.Heads.Min();

    public int MaxHeads => Choices.Heads.Max();

    public double MinMlpRatio => Choices.MlpRatios.Min();

    public double MaxMlpRatio => Choices.MlpRatios.Max();

    public double MinRow8BitRatio => Choices.Row8BitRatios.Min();

    public double MaxRow8BitRatio => Choices.Row8BitRatios.Max();

    /// <summary>Patches plus the class token (50 for 28×28 images in 4×4 patches, 197 for 224×224 in 16×16).</summary>
    public int TokenCount => Image.TokenCount;

    /// <summary>The widest attention (heads × head dim), the rows of a stored qkv weight divided by 3.</summary>
    public int MaxAttentionDim => AttentionDim(MaxHeads);

    public int MaxHiddenDim => HiddenDim(MaxEmbedDim, MaxMlpRatio);

    public int AttentionDim(int heads) => CheckedSize.Product(heads, HeadDim, "head_dim", "attention dim (heads × head_dim)");

    /// <summary>The MLP hidden dim, embed × ratio; the space's rules make it whole for every pair of choices.</summary>
    public static int HiddenDim(int embedDim, double mlpRatio)
    {
        var hidden = embedDim * mlpRatio;
        if (!IsWhole(hidden))
            throw new ArgumentException($"embed dim {embedDim} × mlp ratio {ConfigText.Number(mlpRatio)} = {ConfigText.Number(hidden)} is not a whole number", nameof(mlpRatio));
        if (Math.Round(hidden) > ConfigLimits.MaxHiddenDim)
        {
            throw new ConfigException([new ConfigIssue("mlp_ratio",
                $"{ConfigText.Number(mlpRatio)} × embed dim {embedDim} = {ConfigText.Number(hidden)} hidden units is too large; the largest supported is {ConfigLimits.MaxHiddenDim}")]);
        }
        return (int)Math.Round(hidden);
    }

    /// <summary>Every problem of this space (empty when it is valid); the loader gives each one its line.</summary>
    public IReadOnlyList<ConfigIssue> FindIssues() => SearchSpaceRules.Check(this);

    /// <summary>Throws a <see cref="ConfigException"/> listing every problem, if there is one.</summary>
    public void Validate()
    {
        var issues = FindIssues();
        if (issues.Count > 0) throw new ConfigException(issues);
    }

    internal static bool IsWhole(double value) => Math.Abs(value - Math.Round(value)) < 1e-9;
}
