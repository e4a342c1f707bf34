using System.CommandLine;
using System.Globalization;
using Quasar.HwGen.Core;
using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Core.Data;
using Quasar.HwGen.Core.Execution;
using Quasar.HwGen.Core.Ir;
using Quasar.HwGen.Core.Ir.Package;
using Quasar.HwGen.Core.Lowering;

namespace Quasar.HwGen.Cli.Verbs;

/// <summary>`quasar demo`: the end-to-end job on the shipped samples. It grows with each stage that lands.</summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Work directory", DefaultValueFactory = _ => new DirectoryInfo("artifacts/demo") };
        var command = new Command("demo", "Run the pipeline end to end on the shipped sample data (software emulation)") { output };
        command.SetAction(parse => CliErrors.Run(() => Run(parse.GetRequiredValue(output).FullName)));
        return command;
    }

    private static void Run(string workDirectory)
    {
        var data = Path.Combine(RepositoryLayout.Root, FashionMnist.SampleSubdirectory);
        var train = FashionMnist.LoadTrain(data);
        var test = FashionMnist.LoadTest(data);
        Console.WriteLine($"[1/3] data      {data}");
        Console.WriteLine($"                train: {DatasetCommand.Describe(train)}");
        Console.WriteLine($"                test:  {DatasetCommand.Describe(test)}");

        var space = SampleConfigs.LoadSearchSpace(SampleConfigs.FashionMnist);
        var subnet = SampleConfigs.LoadSubnet(SampleConfigs.FashionMnistLargest);
        var architecture = VitArchitecture.FromSubnet(subnet, space);
        var model = RandomVitInitializer.Create(architecture, seed: 1);
        var graph = VitLowering.Lower(model, [.. Enumerable.Range(0, 8).Select(i => train.Image(i).ToArray())],
            new Dictionary<string, string> { ["search_space"] = space.Name, ["weights"] = "random, seed 1" }, space.Name);
        var package = Path.Combine(workDirectory, "fashion-mnist.largest.qir");
        IrPackage.Write(package, graph, overwrite: true);
        Console.WriteLine($"[2/3] lower     {subnet.Summary(space)}");
        Console.WriteLine("                weights: seeded random (no trained supernet is shipped yet)");
        Console.WriteLine(string.Join('\n', IrSummary.Describe(graph).Split('\n').Select(line => "                " + line.TrimStart())));
        Console.WriteLine($"                wrote {package}");

        var subset = test.Take(500);
        var (correct, elapsed) = InferCommand.Evaluate(new IrInterpreter(IrPackage.Read(package), new EmulatedEngine()), subset);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[3/3] infer     {subset.Count} test images in the C# emulation: top-1 {100.0 * correct / subset.Count:F1}% (chance: 10%), {subset.Count / elapsed.TotalSeconds:F0} images/s"));
    }
}
