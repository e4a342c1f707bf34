using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Quasar.HwGen.Core.Configs.Yaml;

/// <summary>The YAML form of a <see cref="Subnet"/>: one flow mapping per layer, so a layer reads as one line.</summary>
internal static class SubnetYaml
{
    private const string SearchSpace = "search_space";
    private const string EmbedDim = "embed_dim";
    private const string Depth = "depth";
    private const string PatchEmbedRow8Bit = "patch_embed_row_8bit";
    private const string HeadRow8Bit = "head_row_8bit";
    private const string Layers = "layers";
    private const string Heads = "heads";
    private const string MlpRatio = "mlp_ratio";
    private const string QkvRow8Bit = "qkv_row_8bit";
    private const string ProjRow8Bit = "proj_row_8bit";
    private const string Fc1Row8Bit = "fc1_row_8bit";
    private const string Fc2Row8Bit = "fc2_row_8bit";

    public static Subnet Read(MappingReader root)
    {
        var spaceName = root.String(SearchSpace);
        var embedDim = root.Int(EmbedDim);
        var depth = root.Int(Depth);
        var patchEmbed = root.Double(PatchEmbedRow8Bit);
        var head = root.Double(HeadRow8Bit);
        var layers = root.MappingList(Layers).Select(layer =>
        {
            var value = new SubnetLayer(layer.Int(Heads), layer.Double(MlpRatio),
                layer.Double(QkvRow8Bit), layer.Double(ProjRow8Bit), layer.Double(Fc1Row8Bit), layer.Double(Fc2Row8Bit));
            layer.RejectUnknownKeys();
            return value;
        }).ToList();
        root.RejectUnknownKeys();
        return new Subnet(spaceName, embedDim, depth, patchEmbed, head, ValueList.From(layers));
    }

    public static YamlMappingNode Write(Subnet subnet)
    {
        var layers = new YamlSequenceNode();
        foreach (var layer in subnet.Layers)
        {
            var entry = new YamlMappingNode
            {
                { Heads, YamlOutput.Scalar(layer.Heads) },
                { MlpRatio, YamlOutput.Scalar(layer.MlpRatio) },
                { QkvRow8Bit, YamlOutput.Scalar(layer.QkvRow8Bit) },
                { ProjRow8Bit, YamlOutput.Scalar(layer.ProjRow8Bit) },
                { Fc1Row8Bit, YamlOutput.Scalar(layer.Fc1Row8Bit) },
                { Fc2Row8Bit, YamlOutput.Scalar(layer.Fc2Row8Bit) },
            };
            entry.Style = MappingStyle.Flow;
            layers.Add(entry);
        }
        return new YamlMappingNode
        {
            { SearchSpace, YamlOutput.Scalar(subnet.SpaceName) },
            { EmbedDim, YamlOutput.Scalar(subnet.EmbedDim) },
            { Depth, YamlOutput.Scalar(subnet.Depth) },
            { PatchEmbedRow8Bit, YamlOutput.Scalar(subnet.PatchEmbedRow8Bit) },
            { HeadRow8Bit, YamlOutput.Scalar(subnet.HeadRow8Bit) },
            { Layers, layers },
        };
    }
}
