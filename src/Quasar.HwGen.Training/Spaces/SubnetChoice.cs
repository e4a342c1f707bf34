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

    /// <summary>A compact one-line description, e.g. <c>d96 L6 h3,3,.. r4,4,..</c>.</summary>
    public string Describe()
    {
        var c = CultureInfo.InvariantCulture;
        return string.Create(c, $"d{Embed} L{Depth} h{string.Join(",", Layers.Select(l => l.Heads))} " +
            $"r{string.Join(",", Layers.Select(l => l.MlpRatio.ToString(c)))} " +
            $"w8 {PatchEmbedRow8.ToString("0.##", c)}/{string.Join(",", Layers.Select(l => l.Qkv8.ToString("0.##", c)))}/{HeadRow8.ToString("0.##", c)}");
    }
}
