using System.CommandLine;
using System.Globalization;
using Quasar.HwGen.Cli.Errors;
using Quasar.HwGen.Core.Data;
using Quasar.HwGen.Core.Ir;
using Quasar.HwGen.Core.Ir.Package;
using Quasar.HwGen.Core.Lowering;

namespace Quasar.HwGen.Cli.Verbs;

/// <summary>`quasar lower`: a subnet plus weights (seeded random until a checkpoint is given) to an IR package.</summary>
public static class LowerCommand
{
    public static Command Create()
    {
        var subnet = new Option<string>("--subnet") { Description = "Subnet YAML, or a sample name (fashion-mnist.largest, quasar-s-like)", Required = true };
        var space = new Option<string?>("--space") { Description = "Search space YAML or sample name (default: the one the subnet names)" };
        var checkpoint = new Option<FileInfo?>("--checkpoint") { Description = "Trained supernet (checkpoint manifest .json) whose weights the subnet takes" };
        var seed = new Option<int>("--seed", "--random-seed") { Description = "Without --checkpoint: seed of the random initializer", DefaultValueFactory = _ => 1 };
        var data = new Option<DirectoryInfo?>("--data", "--calibration-data") { Description = "IDX directory (Fashion-MNIST layout) whose training images calibrate the integer ranges (default: samples/data/fashion-mnist)" };
        var count = new Option<int>("--count", "--calibration-images") { Description = "Number of calibration images (the first N of --data)", DefaultValueFactory = _ => 8 }.InRange(1, 10_000);
        var output = new Option<DirectoryInfo>("--out") { Description = "Output IR package directory", Required = true }.OutputDirectory();
        var force = new Option<bool>("--force") { Description = "Replace an existing IR package in --out (a folder holding anything else is never replaced)" };
        var command = new Command("lower", "Lower a subnet to a verified, checksummed IR package") { subnet, space, checkpoint, seed, data, count, output, force };
        command.SetAction(parse => CliErrors.Run(parse, () =>
        {
            var (net, searchSpace) = ConfigArguments.Subnet(parse.GetRequiredValue(subnet), parse.GetValue(space));
            var architecture = VitArchitecture.FromSubnet(net, searchSpace);
            var images = CalibrationImages.Load(parse.GetValue(data), architecture, parse.GetValue(count));
            FloatVit model;
            string weights;
            if (parse.GetValue(checkpoint) is { } trained)
            {
                var (supernet, _) = TrainedModels.Load(trained.FullName, searchSpace.Name);
                using (supernet) model = TrainedModels.Export(supernet, net);
                weights = $"checkpoint {trained.FullName}";
            }
            else
            {
                model = RandomVitInitializer.Create(architecture, parse.GetValue(seed));
                weights = string.Create(CultureInfo.InvariantCulture, $"random, seed {parse.GetValue(seed)}");
            }
            var metadata = new Dictionary<string, string>
            {
                ["search_space"] = searchSpace.Name,
                ["subnet"] = net.Summary(searchSpace),
                ["weights"] = weights,
            };
            var graph = VitLowering.Lower(model, images, metadata, name: searchSpace.Name);
            var target = parse.GetRequiredValue(output).FullName;
            IrPackage.Write(target, graph, parse.GetValue(force));
            Console.WriteLine(IrSummary.Describe(graph));
            Console.WriteLine($"wrote {target}");
        }));
        return command;
    }
}
