using System.CommandLine;
using System.Globalization;
using Quasar.HwGen.Cli.Errors;
using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Core.Data;
using Quasar.HwGen.Training.Evaluation;
using Quasar.HwGen.Training.Spaces;
using Quasar.Runtime;
using Quasar.Runtime.Emulation;

namespace Quasar.HwGen.Cli.Verbs;

/// <summary>
/// `quasar evaluate`: subnets of a trained supernet, through the fake-quant model (TorchSharp) and through the integer
/// model (lowered IR in the C# emulation), side by side: accuracies, their difference and top-1 agreement.
/// </summary>
public static class EvaluateCommand
{
    public static Command Create()
    {
        var checkpoint = new Option<FileInfo>("--checkpoint") { Description = "Checkpoint manifest (checkpoints/step-N.json)", Required = true };
        var subnets = new Option<string[]>("--subnet") { Description = "largest | smallest | subnet YAML | sample name (repeatable)", DefaultValueFactory = _ => ["largest", "smallest"], AllowMultipleArgumentsPerToken = true };
        var data = new Option<DirectoryInfo?>("--data") { Description = $"IDX directory (default: {FashionMnist.DebianPackageDirectory} if installed, else samples/data/fashion-mnist)" };
        var count = new Option<int?>("--count") { Description = "Evaluate only the first N images of the split" }.InRange(1);
        var split = new Option<string>("--split") { Description = "test, or validation (the images `quasar train` held out: choose between checkpoints here, then measure the chosen one on test)", DefaultValueFactory = _ => "test" };
        split.AcceptOnlyFromAmong("test", "validation");
        var heldOut = new Option<int>("--validation-images") { Description = "With --split validation: how many images training held out from the end of the training split", DefaultValueFactory = _ => 5000 }.InRange(1);
        var command = new Command("evaluate", "Accuracy of subnets on the test (or validation) split: fake-quant model vs integer emulation") { checkpoint, subnets, data, count, split, heldOut };
        command.SetAction(parse => CliErrors.Run(parse, () =>
        {
            var directory = parse.GetValue(data)?.FullName ?? ValidationSplit.DefaultDirectory;
            bool validation = parse.GetValue(split) == "validation";
            if (validation && parse.GetValue(heldOut) <= 0)
                throw new InvalidDataException($"--validation-images {parse.GetValue(heldOut)}: give the number of images `quasar train` held out (5000 unless its --validation-images said otherwise)");
            var test = validation ? ValidationSplit.Load(directory, parse.GetValue(heldOut), int.MaxValue) : FashionMnist.LoadTest(directory);
            if (parse.GetValue(count) is int n) test = test.Take(n);
            if (test.Count == 0)
                throw new InvalidDataException(parse.GetValue(count) is int given
                    ? $"--count {given}: no images to evaluate; give a positive count"
                    : $"{directory}: its {parse.GetValue(split)} split has no images");
            var calibration = FashionMnist.LoadTrain(directory).Take(CalibrationCount);
            var (supernet, space) = TrainedModels.Load(parse.GetRequiredValue(checkpoint).FullName, null);
            using (supernet)
            {
                Console.WriteLine($"{test.Count} {(validation ? "validation" : "test")} images of {directory}");
                Console.WriteLine("| subnet | MMACs | 8-bit weights | fake-quant top-1 | integer top-1 | difference | top-1 agreement |");
                Console.WriteLine("|---|---|---|---|---|---|---|");
                foreach (var which in parse.GetRequiredValue(subnets))
                {
                    var subnet = TrainedModels.Subnet(which, space);
                    var row = Compare(supernet, parse.GetRequiredValue(checkpoint).FullName, subnet, space, test, calibration);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {which} | {subnet.Macs(space) / 1e6:F1} | {100 * subnet.EightBitWeightFraction(space):F0}% | {100 * row.FakeQuant:F2}% | {100 * row.Integer:F2}% | {100 * (row.Integer - row.FakeQuant):+0.00;-0.00} pt | {100 * row.Agreement:F2}% |"));
                }
            }
        }));
        return command;
    }

    private const int CalibrationCount = 16;

    internal sealed record Comparison(double FakeQuant, double Integer, double Agreement);

    internal static Comparison Compare(Training.Model.Supernet supernet, string manifest, Subnet subnet, SearchSpace space, LabeledImages test, LabeledImages calibration)
    {
        var fake = SubnetPredictor.Predict(supernet, ConfigConversions.ToChoice(subnet), test);
        var graph = LowerCommand.Lower(TrainedModels.Export(supernet, subnet, manifest),
            [.. Enumerable.Range(0, calibration.Count).Select(i => calibration.Image(i).ToArray())],
            new Dictionary<string, string> { ["search_space"] = space.Name, ["subnet"] = subnet.Summary(space) }, space.Name, $"checkpoint {manifest}");
        using var session = new InferenceSession(graph, new EmulatedAccelerator(parallelGemm: false));
        var (predicted, _) = InferCommand.Predict(session, test);
        int fakeCorrect = 0, integerCorrect = 0, agree = 0;
        for (int i = 0; i < test.Count; i++)
        {
            fakeCorrect += fake[i] == test.Labels[i] ? 1 : 0;
            integerCorrect += predicted[i] == test.Labels[i] ? 1 : 0;
            agree += predicted[i] == fake[i] ? 1 : 0;
        }
        return new Comparison((double)fakeCorrect / test.Count, (double)integerCorrect / test.Count, (double)agree / test.Count);
    }
}
