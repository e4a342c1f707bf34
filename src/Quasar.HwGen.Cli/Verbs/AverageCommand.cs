using System.CommandLine;
using Quasar.HwGen.Cli.Errors;
using Quasar.HwGen.Training.Checkpoints;
using Quasar.HwGen.Training.Spaces;

namespace Quasar.HwGen.Cli.Verbs;

/// <summary>`quasar average`: the mean of several checkpoints' weights as a new checkpoint (weight averaging).</summary>
public static class AverageCommand
{
    public static Command Create()
    {
        var checkpoints = new Option<FileInfo[]>("--checkpoint") { Description = "Checkpoint manifests to average (repeatable), e.g. the snapshots of one constant-rate run (train --min-lr = --lr --keep-checkpoints 0)", Required = true, AllowMultipleArgumentsPerToken = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for the averaged checkpoint; it must hold no checkpoint yet", Required = true }.OutputDirectory();
        var command = new Command("average", "Average the weights of checkpoints of one supernet into a new checkpoint") { checkpoints, output };
        command.SetAction(parse => CliErrors.Run(parse, () =>
        {
            var manifests = parse.GetRequiredValue(checkpoints).Select(file => file.FullName).ToList();
            LibTorchMissingException.ThrowUnlessLoadable();
            var space = ConfigArguments.Space(CheckpointStore.ReadManifest(manifests[0]).SearchSpace);
            string written = CheckpointAverager.Average(manifests, ConfigConversions.ToSpec(space), parse.GetRequiredValue(output).FullName);
            Console.WriteLine($"averaged {manifests.Count} checkpoints of '{space.Name}' into {written}");
        }));
        return command;
    }
}
