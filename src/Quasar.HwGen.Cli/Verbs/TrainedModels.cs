using Quasar.HwGen.Cli.Errors;
using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Core.Lowering;
using Quasar.HwGen.Core.Lowering.Export;
using Quasar.HwGen.Training.Checkpoints;
using Quasar.HwGen.Training.Export;
using Quasar.HwGen.Training.Model;
using Quasar.HwGen.Training.Spaces;

namespace Quasar.HwGen.Cli.Verbs;

/// <summary>Loads a trained supernet from a checkpoint and picks subnets of it by name or YAML.</summary>
internal static class TrainedModels
{
    /// <summary>The supernet of <paramref name="manifest"/> (a checkpoint's .json), in the space it was trained on.</summary>
    public static (Supernet Supernet, SearchSpace Space) Load(string manifest, string? spaceOverride)
    {
        LibTorchMissingException.ThrowUnlessLoadable();
        var space = ConfigArguments.Space(spaceOverride ?? CheckpointStore.ReadManifest(manifest).SearchSpace);
        var supernet = new Supernet(ConfigConversions.ToSpec(space));
        CheckpointStore.Load(manifest, supernet);
        return (supernet, space);
    }

    /// <summary>"largest", "smallest", a subnet YAML or a sample subnet name.</summary>
    public static Subnet Subnet(string which, SearchSpace space) => which switch
    {
        "largest" => Core.Configs.Subnet.Largest(space),
        "smallest" => Core.Configs.Subnet.Smallest(space),
        _ => ConfigArguments.Subnet(which, space.Name).Subnet,
    };

    /// <summary>
    /// The subnet's float model, refused when a value of it cannot be lowered (a NaN weight of a diverged training
    /// run): re-exporting would not help, so the error names the checkpoint.
    /// </summary>
    public static FloatVit Export(Supernet supernet, Subnet subnet, string manifest)
    {
        var model = SubnetExporter.Export(supernet, ConfigConversions.ToChoice(subnet));
        var problems = SubnetWeightsValues.Problems(model);
        if (problems.Count > 0)
        {
            throw new InvalidDataException($"{manifest}: the subnet's {SubnetWeightsValues.Summary(problems)}: "
                + "the checkpoint holds weights that cannot be lowered (did its training diverge?); use an earlier checkpoint or train again");
        }
        return model;
    }
}
