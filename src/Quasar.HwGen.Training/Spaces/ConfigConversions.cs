using Quasar.HwGen.Core.Configs;

namespace Quasar.HwGen.Training.Spaces;

/// <summary>Between the YAML configs of Core (what users write) and the trainer's own space and subnet records.</summary>
public static class ConfigConversions
{
    public static SupernetSpec ToSpec(SearchSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        var image = space.Image;
        return new SupernetSpec(space.Name, image.Size, image.PatchSize, image.Channels, image.Classes,
            [.. image.Mean.Select(m => (float)m)], [.. image.Std.Select(s => (float)s)],
            [.. space.Choices.EmbedDims], [.. space.Choices.Depths], [.. space.Choices.Heads], space.HeadDim,
            [.. space.Choices.MlpRatios], [.. space.Choices.Row8BitRatios]);
    }

    public static SubnetChoice ToChoice(Subnet subnet)
    {
        ArgumentNullException.ThrowIfNull(subnet);
        return new SubnetChoice(subnet.EmbedDim,
            [.. subnet.Layers.Select(l => new LayerChoice(l.Heads, l.MlpRatio, l.QkvRow8Bit, l.ProjRow8Bit, l.Fc1Row8Bit, l.Fc2Row8Bit))],
            subnet.PatchEmbedRow8Bit, subnet.HeadRow8Bit);
    }

    public static Subnet ToSubnet(SubnetChoice choice, string spaceName)
    {
        ArgumentNullException.ThrowIfNull(choice);
        return new Subnet(spaceName, choice.Embed, choice.Depth, choice.PatchEmbedRow8, choice.HeadRow8,
            ValueList.From(choice.Layers.Select(l => new SubnetLayer(l.Heads, l.MlpRatio, l.Qkv8, l.Proj8, l.Fc1Row8, l.Fc2Row8))));
    }
}
