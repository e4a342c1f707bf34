using System.CommandLine;
using Quasar.HwGen.Cli.Errors;
using Quasar.HwGen.Core.Lowering.Export;

namespace Quasar.HwGen.Cli.Verbs;

/// <summary>
/// `quasar export-weights`: a subnet's float weights and learned steps cut out of a trained supernet into a subnet weights
/// export, which `quasar lower --weights` lowers without libtorch (this verb needs it, as training does).
/// </summary>
public static class ExportWeightsCommand
{
    public static Command Create()
    {
        var checkpoint = new Option<FileInfo>("--checkpoint") { Description = "Trained supernet (checkpoint manifest .json)", Required = true };
        var subnet = new Option<string>("--subnet") { Description = "largest, smallest, a subnet YAML or a sample subnet name", Required = true };
        var space = new Option<string?>("--space") { Description = "Search space YAML or sample name (default: the checkpoint's)" };
        var output = new Option<DirectoryInfo>("--out") { Description = "Output directory of the export", Required = true }.OutputDirectory();
        var force = new Option<bool>("--force") { Description = "Replace an existing export in --out (a folder holding anything else is never replaced)" };
        var command = new Command("export-weights", "Export a trained subnet's weights for lowering without libtorch") { checkpoint, subnet, space, output, force };
        command.SetAction(parse => CliErrors.Run(parse, () =>
        {
            var manifest = parse.GetRequiredValue(checkpoint).FullName;
            var (supernet, searchSpace) = TrainedModels.Load(manifest, parse.GetValue(space));
            using (supernet)
            {
                var net = TrainedModels.Subnet(parse.GetRequiredValue(subnet), searchSpace);
                var target = parse.GetRequiredValue(output).FullName;
                SubnetWeightsFile.Write(target, new SubnetWeights(searchSpace, net, TrainedModels.Export(supernet, net, manifest)), parse.GetValue(force));
                Console.WriteLine($"{net.Summary(searchSpace)}: weights of {manifest}");
                Console.WriteLine($"wrote {target} (lower it with: quasar lower --weights {target} --out <package>)");
            }
        }));
        return command;
    }
}
