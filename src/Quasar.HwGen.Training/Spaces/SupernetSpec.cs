using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Quasar.HwGen.Training.Spaces;

/// <summary>
/// The search space a supernet is built for: input format, and the choices of every elastic dimension. The supernet
/// stores the largest block (max embed, max heads × <see cref="HeadDim"/>, max MLP ratio × max embed, max depth).
/// </summary>
/// <param name="Row8Ratios">Candidate fractions of 8-bit rows (leading rows of each weight block).</param>
public sealed record SupernetSpec(
    string Name,
    int ImageSize,
    int PatchSize,
    int Channels,
    int Classes,
    IReadOnlyList<float> Mean,
    IReadOnlyList<float> Std,
    IReadOnlyList<int> EmbedDims,
    IReadOnlyList<int> Depths,
    IReadOnlyList<int> Heads,
    int HeadDim,
    IReadOnlyList<double> MlpRatios,
    IReadOnlyList<double> Row8Ratios)
{
    public int PatchCount => (ImageSize / PatchSize) * (ImageSize / PatchSize);

    public int Tokens => PatchCount + 1;

    public int PatchFeatures => Channels * PatchSize * PatchSize;

    public int MaxEmbed => EmbedDims.Max();

    public int MaxDepth => Depths.Max();

    public int MaxHeads => Heads.Max();

    public int MaxAttentionDim => MaxHeads * HeadDim;

    public int MaxMlpHidden => MlpHidden(MaxEmbed, MlpRatios.Max());

    /// <summary>MLP hidden width of a block: round(ratio · embed), half away from zero.</summary>
    public static int MlpHidden(int embed, double ratio) => (int)Math.Round(ratio * embed, MidpointRounding.AwayFromZero);

    /// <summary>SHA-256 over a canonical JSON of the spec: a checkpoint is only loaded into the space it was trained for.</summary>
    public string Fingerprint()
    {
        var json = JsonSerializer.Serialize(new
        {
            Name, ImageSize, PatchSize, Channels, Classes, Mean, Std, EmbedDims, Depths, Heads, HeadDim, MlpRatios, Row8Ratios,
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
    }

    /// <summary>Throws when the spec cannot describe a ViT (empty choices, patch not dividing the image, ...).</summary>
    public void Validate()
    {
        static void Require(bool condition, string message)
        {
            if (!condition) throw new ArgumentException(message);
        }

        Require(!string.IsNullOrWhiteSpace(Name), "a search space needs a name");
        Require(ImageSize > 0 && PatchSize > 0 && ImageSize % PatchSize == 0, $"patch size {PatchSize} must divide image size {ImageSize}");
        Require(Channels > 0 && Classes > 1, "channels must be positive and classes at least 2");
        Require(Mean.Count == Channels && Std.Count == Channels && Std.All(s => s > 0), "mean and std need one entry per channel, std > 0");
        Require(EmbedDims.Count > 0 && EmbedDims.All(d => d > 0), "embed choices must be positive");
        Require(Depths.Count > 0 && Depths.All(d => d > 0), "depth choices must be positive");
        Require(Heads.Count > 0 && Heads.All(h => h > 0) && HeadDim > 0, "head choices and head dim must be positive");
        Require(MlpRatios.Count > 0 && MlpRatios.All(r => r > 0), "MLP ratios must be positive");
        Require(Row8Ratios.Count > 0 && Row8Ratios.All(r => r is >= 0 and <= 1), "8-bit row ratios are in [0, 1]");
    }
}
