using Quasar.HwGen.Core;
using Quasar.HwGen.Core.Data;

namespace Quasar.HwGen.Cli.Verbs;

/// <summary>
/// The held-out validation split: the LAST N images of the training split, which `quasar train` never trains on.
/// samples/ ships the last 1,000 of Fashion-MNIST's 60,000 as validation-*.gz for machines without the full set.
/// </summary>
internal static class ValidationSplit
{
    public const string ImagesFile = "validation-images-idx3-ubyte.gz";
    public const string LabelsFile = "validation-labels-idx1-ubyte.gz";

    public static string DefaultDirectory =>
        Directory.Exists(FashionMnist.DebianPackageDirectory) ? FashionMnist.DebianPackageDirectory : Path.Combine(ShippedFiles.Root, FashionMnist.SampleSubdirectory);

    /// <summary>The first <paramref name="take"/> images of the validation split of <paramref name="directory"/>.</summary>
    public static LabeledImages Load(string directory, int heldOut, int take)
    {
        var shipped = Path.Combine(directory, ImagesFile);
        var split = File.Exists(shipped)
            ? IdxDataset.Load(shipped, Path.Combine(directory, LabelsFile))
            : TrainCommand.Split(FashionMnist.LoadTrain(directory), heldOut).Validation;
        return split.Take(take);
    }
}
