using System.CommandLine;
using System.Globalization;
using Quasar.HwGen.Cli.Errors;
using Quasar.HwGen.Core.Data;

namespace Quasar.HwGen.Cli.Verbs;

/// <summary>`quasar dataset info|subset`: inspect IDX data and cut the subsets shipped under samples/.</summary>
public static class DatasetCommand
{
    public static Command Create() => new("dataset", "Inspect IDX datasets and cut subsets of them")
    {
        CreateInfo(),
        CreateSubset(),
    };

    private static Command CreateInfo()
    {
        var images = new Option<FileInfo>("--images") { Description = "IDX image file (.gz or raw)", Required = true };
        var labels = new Option<FileInfo>("--labels") { Description = "IDX label file (.gz or raw)", Required = true };
        var command = new Command("info", "Print count, shape and label histogram of an image/label IDX pair") { images, labels };
        command.SetAction(parse => CliErrors.Run(parse, () =>
        {
            var set = IdxDataset.Load(parse.GetRequiredValue(images).FullName, parse.GetRequiredValue(labels).FullName);
            Console.WriteLine(Describe(set));
        }));
        return command;
    }

    private static Command CreateSubset()
    {
        var from = new Option<DirectoryInfo>("--from")
        {
            Description = "Directory with the four Fashion-MNIST IDX files",
            DefaultValueFactory = _ => new DirectoryInfo(FashionMnist.DebianPackageDirectory),
        };
        var train = new Option<int>("--train") { Description = "Number of training images to keep (the first N)", DefaultValueFactory = _ => 4000 }.InRange(1);
        var test = new Option<int>("--test") { Description = "Number of test images to keep (the first N)", DefaultValueFactory = _ => 2000 }.InRange(1);
        var validation = new Option<int>("--validation") { Description = "Number of validation images to keep (the LAST N of the training split, held out by `quasar train`)", DefaultValueFactory = _ => 1000 }.InRange(0);
        var output = new Option<DirectoryInfo>("--out") { Description = "Output directory", Required = true }.OutputDirectory();
        var command = new Command("subset", "Write the first N train and test images and the last N training images (validation) of a Fashion-MNIST directory as gzip IDX files")
        {
            from, train, test, validation, output,
        };
        command.SetAction(parse => CliErrors.Run(parse, () =>
        {
            var source = parse.GetRequiredValue(from).FullName;
            var target = parse.GetRequiredValue(output).FullName;
            var full = FashionMnist.LoadTrain(source);
            var trainSet = full.Take(parse.GetValue(train));
            var testSet = FashionMnist.LoadTest(source).Take(parse.GetValue(test));
            var validationSet = TrainCommand.Split(full, parse.GetValue(validation), "--validation").Validation;
            IdxDataset.Save(trainSet, Path.Combine(target, "train-images-idx3-ubyte.gz"), Path.Combine(target, "train-labels-idx1-ubyte.gz"));
            IdxDataset.Save(testSet, Path.Combine(target, "t10k-images-idx3-ubyte.gz"), Path.Combine(target, "t10k-labels-idx1-ubyte.gz"));
            Console.WriteLine($"train: {Describe(trainSet)}");
            IdxDataset.Save(validationSet, Path.Combine(target, ValidationSplit.ImagesFile), Path.Combine(target, ValidationSplit.LabelsFile));
            Console.WriteLine($"test:  {Describe(testSet)}");
            Console.WriteLine($"validation (last {validationSet.Count} of the training split): {Describe(validationSet)}");
        }));
        return command;
    }

    internal static string Describe(LabeledImages set) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{set.Count} images of {set.Channels}x{set.Height}x{set.Width}, {set.ClassCount} classes, histogram [{string.Join(", ", set.LabelHistogram())}]");
}
