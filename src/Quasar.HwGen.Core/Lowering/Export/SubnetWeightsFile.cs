using System.Text.Json;
using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Core.Ir.Package;

namespace Quasar.HwGen.Core.Lowering.Export;

/// <summary>
/// A subnet weights export on disk: a directory of model.json, weights.bin and manifest.json (format
/// quasar-subnet-weights, version, sizes and SHA-256), written atomically and read only after every checksum, like an
/// IR package. Reading checks every value (no null block, usable learned steps, finite parameters) and every array
/// against the shapes the subnet's architecture gives.
/// </summary>
public static class SubnetWeightsFile
{
    public const string ModelFile = "model.json";
    public const string WeightsFile = "weights.bin";

    public static void Write(string directory, SubnetWeights weights, bool overwrite = false)
    {
        var model = weights.Model;
        SubnetWeightsShapes.Require(model, model.Architecture, directory);
        var document = new SubnetWeightsDocument(ConfigWriter.ToYaml(weights.Space), ConfigWriter.ToYaml(weights.Subnet, weights.Space),
            model.PatchEmbed, model.ClassToken, model.PositionEmbedding, model.Blocks, model.NormGamma, model.NormBeta, model.Head,
            model.InputStep, model.HeadInputStep);
        var store = new BlobStore();
        var json = JsonSerializer.SerializeToUtf8Bytes(document, IrJson.Options(store));
        ChecksummedPackage.Write(directory, PackageFormat.SubnetWeights, [(ModelFile, json), (WeightsFile, store.ToArray())], overwrite);
    }

    /// <summary>The export at <paramref name="directory"/>; every defect is an <see cref="IrPackageException"/> naming the file.</summary>
    public static SubnetWeights Read(string directory)
    {
        var root = Path.GetFullPath(directory);
        var contents = ChecksummedPackage.Read(root, PackageFormat.SubnetWeights, ModelFile, WeightsFile);
        var modelPath = Path.Combine(root, ModelFile);
        SubnetWeightsDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<SubnetWeightsDocument>(contents[ModelFile], IrJson.Options(new BlobStore(contents[WeightsFile])));
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or NotSupportedException)
        {
            throw new IrPackageException(modelPath, $"not a valid subnet weights document: {e.Message}", e);
        }
        if (document is null) throw new IrPackageException(modelPath, "the document is null");

        SearchSpace space;
        Subnet subnet;
        try
        {
            space = ConfigLoader.ParseSearchSpace(document.SpaceYaml, $"{modelPath} (space_yaml)");
            subnet = ConfigLoader.ParseSubnet(document.SubnetYaml, $"{modelPath} (subnet_yaml)", space);
        }
        catch (ConfigException e)
        {
            throw new IrPackageException(modelPath, e.Message, e);
        }
        var architecture = VitArchitecture.FromSubnet(subnet, space);
        var model = new FloatVit(architecture, document.PatchEmbed, document.ClassToken, document.PositionEmbedding, document.Blocks,
            document.NormGamma, document.NormBeta, document.Head, document.InputStep, document.HeadInputStep);
        SubnetWeightsValues.Require(model, modelPath);
        SubnetWeightsShapes.Require(model, architecture, modelPath);
        return new SubnetWeights(space, subnet, model);
    }
}
