using System.CommandLine;
using System.Globalization;
using Quasar.HwGen.Cli.Errors;
using Quasar.HwGen.Core.Data;
using Quasar.HwGen.Core.Ir;
using Quasar.HwGen.Core.Ir.Package;
using Quasar.HwGen.Core;
using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Core.Lowering;
using Quasar.HwGen.Core.Lowering.Export;

namespace Quasar.HwGen.Cli.Verbs;

/// <summary>
/// `quasar lower`: a subnet plus weights to an IR package. The weights come from a subnet weights export (`--weights`,
/// no libtorch needed), a trained supernet (`--checkpoint`, loads libtorch), or a seeded random initializer.
/// </summary>
public static class LowerCommand
{
    public static Command Create()
    {
        var subnet = new Option<string?>("--subnet") { Description = "Subnet YAML, or a sample name (fashion-mnist.largest, quasar-s-like); with --weights, the export's own subnet by default" };
        var space = new Option<string?>("--space") { Description = "Search space YAML or sample name (default: the one the subnet names); with --weights, only to read --subnet" };
        var checkpoint = new Option<FileInfo?>("--checkpoint") { Description = "Trained supernet (checkpoint manifest .json) whose weights the subnet takes (needs libtorch)" };
        var weights = new Option<string?>("--weights") { Description = "Subnet weights export (quasar export-weights) to lower without libtorch, or a shipped one by name (fashion-mnist.largest)" };
        var seed = new Option<int>("--seed", "--random-seed") { Description = "Without --checkpoint or --weights: seed of the random initializer", DefaultValueFactory = _ => 1 };
        var data = new Option<DirectoryInfo?>("--data", "--calibration-data") { Description = "IDX directory (Fashion-MNIST layout) whose training images calibrate the integer ranges (default: samples/data/fashion-mnist)" };
        var count = new Option<int>("--count", "--calibration-images") { Description = "Number of calibration images (the first N of --data)", DefaultValueFactory = _ => 8 }.InRange(1, 10_000);
        var output = new Option<DirectoryInfo>("--out") { Description = "Output IR package directory", Required = true }.OutputDirectory();
        var force = new Option<bool>("--force") { Description = "Replace an existing IR package in --out (a folder holding anything else is never replaced)" };
        var command = new Command("lower", "Lower a subnet to a verified, checksummed IR package") { subnet, space, checkpoint, weights, seed, data, count, output, force };
        command.SetAction(parse => CliErrors.Run(parse, () =>
        {
            if (parse.GetResult(seed) is { Implicit: false } && (parse.GetValue(weights) is not null || parse.GetValue(checkpoint) is not null))
                throw new UsageException("--seed seeds random weights, but --weights or --checkpoint gives trained ones; leave --seed out");
            // An export carries its own space; --space can only serve to read a --subnet given beside it.
            if (parse.GetValue(space) is not null && parse.GetValue(weights) is not null && parse.GetValue(subnet) is null)
                throw new UsageException("--space reads the search space of --subnet, but --weights without --subnet lowers the export's own subnet and space; leave --space out");
            var (net, searchSpace, model, source) = parse.GetValue(weights) is { } export
                ? FromExport(ShippedWeights(export), parse.GetValue(subnet), parse.GetValue(space), parse.GetValue(checkpoint))
                : FromSubnet(parse.GetValue(subnet), parse.GetValue(space), parse.GetValue(checkpoint), parse.GetValue(seed));
            var images = CalibrationImages.Load(parse.GetValue(data), model.Architecture, parse.GetValue(count));
            var metadata = new Dictionary<string, string>
            {
                ["search_space"] = searchSpace.Name,
                ["subnet"] = net.Summary(searchSpace),
                ["weights"] = source,
            };
            var graph = Lower(model, images, metadata, searchSpace.Name, source);
            var target = parse.GetRequiredValue(output).FullName;
            IrPackage.Write(target, graph, parse.GetValue(force));
            Console.WriteLine(IrSummary.Describe(graph));
            Console.WriteLine($"wrote {target}");
        }));
        return command;
    }

    /// <summary>
    /// Lowering's verdict on the weights, said with where they came from (<paramref name="source"/>: "export &lt;dir&gt;",
    /// "checkpoint &lt;manifest&gt;"); `evaluate` lowers through here too.
    /// </summary>
    internal static IrGraph Lower(FloatVit model, IReadOnlyList<byte[]> images, Dictionary<string, string> metadata, string name, string source)
    {
        try
        {
            return VitLowering.Lower(model, images, metadata, name: name);
        }
        catch (LoweringException e)
        {
            throw new LoweringException($"{source}: {e.Message}", e);
        }
    }

    /// <summary>A subnet weights export: its subnet, or the one given if it is the same. Nothing here touches TorchSharp.</summary>
    private static (Subnet, SearchSpace, FloatVit, string) FromExport(string export, string? subnet, string? space, FileInfo? checkpoint)
    {
        if (checkpoint is not null)
            throw new UsageException("--weights and --checkpoint both give the weights; give one (--weights needs no libtorch)");
        var loaded = SubnetWeightsFile.Read(export);
        if (subnet is not null)
        {
            var (given, givenSpace) = ConfigArguments.Subnet(subnet, space);
            if (ConfigWriter.ToYaml(given, givenSpace) != ConfigWriter.ToYaml(loaded.Subnet, loaded.Space))
                throw new InvalidDataException($"--subnet {subnet} is not the subnet of --weights {export} ({loaded.Subnet.Summary(loaded.Space)}); leave --subnet out to lower the export's own");
        }
        return (loaded.Subnet, loaded.Space, loaded.Model, $"export {export}");
    }

    /// <summary>A path, or the name of an export shipped in samples/models (its folder name without .weights).</summary>
    private static string ShippedWeights(string pathOrName)
    {
        var shipped = Path.Combine(ShippedFiles.Root, "samples", "models", pathOrName + ".weights");
        return !Directory.Exists(pathOrName) && pathOrName.IndexOfAny(['/', '\\']) < 0 && Directory.Exists(shipped) ? shipped : Path.GetFullPath(pathOrName);
    }

    private static (Subnet, SearchSpace, FloatVit, string) FromSubnet(string? subnet, string? space, FileInfo? checkpoint, int seed)
    {
        if (subnet is null) throw new UsageException("--subnet is required (a subnet YAML or sample name), unless --weights gives an export");
        var (net, searchSpace) = ConfigArguments.Subnet(subnet, space);
        if (checkpoint is not null) return (net, searchSpace, Trained(checkpoint.FullName, net, searchSpace), $"checkpoint {checkpoint.FullName}");
        var model = RandomVitInitializer.Create(VitArchitecture.FromSubnet(net, searchSpace), seed);
        return (net, searchSpace, model, string.Create(CultureInfo.InvariantCulture, $"random, seed {seed}"));
    }

    /// <summary>Apart, so that only this method's compilation loads TorchSharp's types.</summary>
    private static FloatVit Trained(string checkpoint, Subnet net, SearchSpace space)
    {
        var (supernet, _) = TrainedModels.Load(checkpoint, space.Name);
        using (supernet) return TrainedModels.Export(supernet, net, checkpoint);
    }
}
