namespace Quasar.HwGen.Core.Configs;

/// <summary>
/// The largest (and smallest) value of every numeric config field that the hardware model and the generated engine
/// support. The rules refuse anything outside, naming the field and the limit; within them every derived size
/// (tokens, MACs, weights, bytes, cycles) fits its type: ints for dims and per-GEMM counts, longs for totals.
/// Each limit leaves a wide margin over the shipped samples and the published ViTs (ViT-H: 1,280 wide, 32 deep,
/// 16 heads; 384-pixel images in 16-pixel patches: 577 tokens).
/// </summary>
public static class ConfigLimits
{
    /// <summary>Pixels a side: 4× ImageNet's 224 and beyond; larger images are cut into more patches than the engine holds.</summary>
    public const int MaxImageSize = 1_024;

    /// <summary>Pixels a patch side; the patch embedding's reduction is channels × patch².</summary>
    public const int MaxPatchSize = 64;

    /// <summary>Patches a side (image size / patch size): 64 × 64 patches + the class token = 4,097 tokens, the rows of every block's GEMMs and the length of attention.</summary>
    public const int MaxPatchesPerSide = 64;

    /// <summary>The most tokens a space can have: <see cref="MaxPatchesPerSide"/>² plus the class token.</summary>
    public const int MaxTokens = MaxPatchesPerSide * MaxPatchesPerSide + 1;

    /// <summary>Grayscale, RGB or RGBA: what the IDX and image readers produce.</summary>
    public const int MaxChannels = 4;

    /// <summary>At least two classes make a classifier.</summary>
    public const int MinClasses = 2;

    /// <summary>Rows of the head, held in the engine's per-row parameter table; ImageNet-21k's 21,843 fit.</summary>
    public const int MaxClasses = 32_768;

    /// <summary>The embedding dim (ViT-H: 1,280; ViT-G: 1,664).</summary>
    public const int MaxEmbedDim = 4_096;

    /// <summary>Transformer blocks (ViT-G: 48).</summary>
    public const int MaxDepth = 64;

    /// <summary>Attention heads a block (ViT-H: 16).</summary>
    public const int MaxHeads = 64;

    /// <summary>Channels a head (ViTs use 64; the scores GEMM reduces over it).</summary>
    public const int MaxHeadDim = 256;

    /// <summary>The smallest MLP ratio; with whole hidden dims this keeps the MLP at least one unit wide.</summary>
    public const double MinMlpRatio = 0.125;

    /// <summary>The largest MLP ratio (ViTs use 4): the widest hidden dim is 4,096 × 16 = 65,536.</summary>
    public const double MaxMlpRatio = 16;

    /// <summary>The widest MLP hidden dim and so the longest reduction of any GEMM.</summary>
    public const int MaxHiddenDim = (int)(MaxEmbedDim * MaxMlpRatio);

    /// <summary>Normalised pixels (p/255 − mean)/std stay within ±100: a smaller std blows them past what quantization calibrates.</summary>
    public const double MinStd = 0.01;

    /// <summary>Pixels are scaled to [0, 1] before normalising, so a larger std only shrinks them towards 0.</summary>
    public const double MaxStd = 1;

    /// <summary>The kernel clock: HLS designs below 50 MHz are not closed by Vitis, and UltraScale+ fabric tops out well below 1 GHz.</summary>
    public const double MinClockMhz = 50;

    /// <inheritdoc cref="MinClockMhz"/>
    public const double MaxClockMhz = 1_000;

    /// <summary>DSP slices: the largest UltraScale+ and Versal parts have about 14,000.</summary>
    public const int MaxDsp = 20_000;

    /// <summary>LUTs: the largest parts (VP1902) have about 8.5 million.</summary>
    public const int MaxLut = 10_000_000;

    /// <summary>Flip-flops: the largest parts have about 17 million.</summary>
    public const int MaxFf = 20_000_000;

    /// <summary>BRAM_18K blocks: the largest UltraScale+ parts have 10,752.</summary>
    public const int MaxBram18k = 20_000;

    /// <summary>UltraRAM blocks: the largest parts have about 1,300.</summary>
    public const int MaxUram = 5_000;

    /// <summary>Peak DDR bandwidth in GB/s: from a slow single channel to HBM.</summary>
    public const double MinDdrGBPerSecond = 0.1;

    /// <inheritdoc cref="MinDdrGBPerSecond"/>
    public const double MaxDdrGBPerSecond = 1_000;

    /// <summary>The least sustained fraction of the DDR's peak bandwidth; below it the model's transfer times are meaningless.</summary>
    public const double MinDdrEfficiency = 0.01;

    /// <summary>Host CPU cores.</summary>
    public const int MaxHostCores = 256;

    /// <summary>Host CPU clock in GHz.</summary>
    public const double MinHostClockGhz = 0.1;

    /// <inheritdoc cref="MinHostClockGhz"/>
    public const double MaxHostClockGhz = 10;
}
