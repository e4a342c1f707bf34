using YamlDotNet.RepresentationModel;

namespace Quasar.HwGen.Core.Configs.Yaml;

/// <summary>The YAML form of a <see cref="SearchSpace"/>; reading and writing share these keys.</summary>
internal static class SearchSpaceYaml
{
    private const string Name = "name";
    private const string Image = "image";
    private const string Size = "size";
    private const string PatchSize = "patch_size";
    private const string Channels = "channels";
    private const string Classes = "classes";
    private const string Mean = "mean";
    private const string Std = "std";
    private const string Choices = "choices";
    private const string EmbedDims = "embed_dims";
    private const string Depths = "depths";
    private const string Heads = "heads";
    private const string MlpRatios = "mlp_ratios";
    private const string Row8BitRatios = "row_8bit_ratios";
    private const string HeadDim = "head_dim";
    private const string ActivationBits = "activation_bits";
    private const string WeightBits = "weight_bits";

    public static SearchSpace Read(MappingReader root)
    {
        var name = root.String(Name);

        var image = root.Mapping(Image);
        var imageSpec = new ImageSpec(image.Int(Size), image.Int(PatchSize), image.Int(Channels), image.Int(Classes),
            image.DoubleList(Mean), image.DoubleList(Std));
        image.RejectUnknownKeys();

        var choices = root.Mapping(Choices);
        var searchChoices = new SearchChoices(choices.IntList(EmbedDims), choices.IntList(Depths), choices.IntList(Heads),
            choices.DoubleList(MlpRatios), choices.DoubleList(Row8BitRatios));
        choices.RejectUnknownKeys();

        var space = new SearchSpace(name, imageSpec, searchChoices, root.Int(HeadDim), root.Int(ActivationBits), root.IntList(WeightBits));
        root.RejectUnknownKeys();
        return space;
    }

    public static YamlMappingNode Write(SearchSpace space)
    {
        var image = new YamlMappingNode
        {
            { Size, YamlOutput.Scalar(space.Image.Size) },
            { PatchSize, YamlOutput.Scalar(space.Image.PatchSize) },
            { Channels, YamlOutput.Scalar(space.Image.Channels) },
            { Classes, YamlOutput.Scalar(space.Image.Classes) },
            { Mean, YamlOutput.Flow(space.Image.Mean) },
            { Std, YamlOutput.Flow(space.Image.Std) },
        };
        var choices = new YamlMappingNode
        {
            { EmbedDims, YamlOutput.Flow(space.Choices.EmbedDims) },
            { Depths, YamlOutput.Flow(space.Choices.Depths) },
            { Heads, YamlOutput.Flow(space.Choices.Heads) },
            { MlpRatios, YamlOutput.Flow(space.Choices.MlpRatios) },
            { Row8BitRatios, YamlOutput.Flow(space.Choices.Row8BitRatios) },
        };
        return new YamlMappingNode
        {
            { Name, YamlOutput.Scalar(space.Name) },
            { Image, image },
            { Choices, choices },
            { HeadDim, YamlOutput.Scalar(space.HeadDim) },
            { ActivationBits, YamlOutput.Scalar(space.ActivationBits) },
            { WeightBits, YamlOutput.Flow(space.WeightBits) },
        };
    }
}
