using System.CommandLine;
using System.Globalization;
using Quasar.HwGen.Cli.Errors;
using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Core.Data;
using Quasar.HwGen.Training.Evaluation;
using Quasar.HwGen.Training.Spaces;

namespace Quasar.HwGen.Cli.Verbs;

/// <summary>
/// `quasar ablation rows`: fixed row-wise mixed precision (one 8-bit ratio in every linear, FILM-QNN) against flexible
/// (a ratio per linear, Quasar-ViT) at equal size, on one trained supernet. For each fixed ratio, flexible candidates
/// with the same overall share of 8-bit weights (±2 points) are drawn at random; the best on the validation split is
/// compared with the fixed subnet on the test split.
/// </summary>
public static class AblationCommand
{
    public static Command Create()
    {
        var checkpoint = new Option<FileInfo>("--checkpoint") { Description = "Trained supernet (checkpoint manifest .json)", Required = true };
        var candidates = new Option<int>("--candidates") { Description = "Flexible candidates per fixed ratio", DefaultValueFactory = _ => 24 }.InRange(1, 5000);
        var validationImages = new Option<int>("--validation-images") { Description = "Validation images that pick the best flexible candidate", DefaultValueFactory = _ => 1000 }.InRange(1);
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 1 };
        var rows = new Command("rows", "Fixed vs flexible row-wise mixed precision at equal size") { checkpoint, candidates, validationImages, seed };
        rows.SetAction(parse => CliErrors.Run(parse, () =>
        {
            var (supernet, space) = TrainedModels.Load(parse.GetRequiredValue(checkpoint).FullName, null);
            using var owned = supernet;
            var directory = ValidationSplit.DefaultDirectory;
            var validation = ValidationSplit.Load(directory, 5000, parse.GetValue(validationImages));
            var test = FashionMnist.LoadTest(directory);
            double Accuracy(Subnet s, LabeledImages images) => SubnetEvaluator.Evaluate(supernet, ConfigConversions.ToChoice(s), images).Accuracy;
            var random = new Random(parse.GetValue(seed));
            var largest = Subnet.Largest(space);
            Console.WriteLine($"{space.Name}, architecture of the largest subnet; validation {validation.Count} images, test {test.Count} images");
            Console.WriteLine("| 8-bit weights | fixed: test top-1 | flexible (best of N on validation): test top-1 | flexible 8-bit weights |");
            Console.WriteLine("|---|---|---|---|");
            foreach (var ratio in space.Choices.Row8BitRatios.Where(r => r is > 0 and < 1))
            {
                var fixedSubnet = WithRatios(largest, _ => ratio);
                double share = fixedSubnet.EightBitWeightFraction(space);
                var flexible = Enumerable.Range(0, 5000)
                    .Select(_ => WithRatios(largest, _ => space.Choices.Row8BitRatios[random.Next(space.Choices.Row8BitRatios.Count)]))
                    .Where(s => Math.Abs(s.EightBitWeightFraction(space) - share) <= 0.02)
                    .Take(parse.GetValue(candidates))
                    .ToList();
                var best = flexible.MaxBy(s => Accuracy(s, validation))!;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {100 * share:F1}% | {100 * Accuracy(fixedSubnet, test):F2}% | {100 * Accuracy(best, test):F2}% (N = {flexible.Count}) | {100 * best.EightBitWeightFraction(space):F1}% |"));
            }
        }));
        return new Command("ablation", "Measurements of the paper's design claims on a trained supernet") { rows };
    }

    private static Subnet WithRatios(Subnet shape, Func<int, double> next)
    {
        int k = 0;
        return shape with
        {
            Layers = ValueList.From(shape.Layers.Select(l => l with { QkvRow8Bit = next(k++), ProjRow8Bit = next(k++), Fc1Row8Bit = next(k++), Fc2Row8Bit = next(k++) })),
        };
    }
}
