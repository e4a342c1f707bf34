using System.Globalization;

namespace Quasar.HwGen.Training.Spaces;

/// <summary>A subnet of a supernet: embed dim, depth (the first <see cref="Depth"/> blocks), one <see cref="LayerChoice"/> per block.</summary>
public sealed record SubnetChoice(int Embed, IReadOnlyList<LayerChoice> Layers, double PatchEmbedRow8, double HeadRow8)
{
    public int Depth => Layers.Count;

    /// <summary>Throws when the choice is outside <paramref name="spec"/>'s space.</summary>
    public void ValidateAgainst(SupernetSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        void Require(bool condition, string what)
        {
            if (!condition) throw new ArgumentException($"subnet {this.Describe()} is outside search space '{spec.Name}': {what}");
        }

        Require(spec.EmbedDims.Contains(Embed), $"embed {Embed} not in [{string.Join(", ", spec.EmbedDims)}]");
        Require(spec.Depths.Contains(Depth), $"depth {Depth} not in [{string.Join(", ", spec.Depths)}]");
        Require(spec.Row8Ratios.Contains(PatchEmbedRow8) && spec.Row8Ratios.Contains(HeadRow8), "patch-embed / head 8-bit ratio not a choice");
        foreach (var layer in Layers)
        {
            Require(spec.Heads.Contains(layer.Heads), $"heads {layer.Heads} not a choice");
            Require(spec.MlpRatios.Contains(layer.MlpRatio), $"MLP ratio {layer.MlpRatio} not a choice");
            Require(new[] { layer.Qkv8, layer.Proj8, layer.Fc1Row8, layer.Fc2Row8 }.All(spec.Row8Ratios.Contains), "a block's 8-bit ratio is not a choice");
        }
    }

    /// <summary>
    /// A complete one-line description: <c>d80 L2 | h2 r3 w8 .25/.5/.75/1 | h3 r4 w8 0/1/.5/.25 | patch .75 head .5</c>
    /// (per block: heads, MLP ratio, 8-bit ratios of qkv/proj/fc1/fc2).
    /// </summary>
    public string Describe()
    {
        static string R(double v) => v.ToString("0.##", CultureInfo.InvariantCulture).Replace("0.", ".", StringComparison.Ordinal);
        var layers = Layers.Select(l => string.Create(CultureInfo.InvariantCulture,
            $"h{l.Heads} r{l.MlpRatio.ToString(CultureInfo.InvariantCulture)} w8 {R(l.Qkv8)}/{R(l.Proj8)}/{R(l.Fc1Row8)}/{R(l.Fc2Row8)}"));
        return string.Create(CultureInfo.InvariantCulture, $"d{Embed} L{Depth} | {string.Join(" | ", layers)} | patch {R(PatchEmbedRow8)} head {R(HeadRow8)}");
    }
}
