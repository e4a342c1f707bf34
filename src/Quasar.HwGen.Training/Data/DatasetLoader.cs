using Quasar.HwGen.Core.Data;
using Quasar.HwGen.Training.Spaces;

namespace Quasar.HwGen.Training.Data;

/// <summary>
/// Finds a dataset in a folder: Fashion-MNIST-named IDX files (train-images-idx3-ubyte.gz, t10k-…), or an image folder
/// with <c>train/</c> and <c>val/</c> (or <c>test/</c>) each holding one subfolder per class.
/// </summary>
public static class DatasetLoader
{
    public static LabeledImages LoadTrain(string directory, SupernetSpec spec, IImageDecoder? decoder = null) => Load(directory, spec, train: true, decoder)
        ?? throw new DirectoryNotFoundException($"{directory}: no train-images-idx3-ubyte.gz and no train/ image folder");

    /// <summary>The validation split, or null when the folder has none.</summary>
    public static LabeledImages? LoadValidation(string directory, SupernetSpec spec, IImageDecoder? decoder = null) => Load(directory, spec, train: false, decoder);

    private static LabeledImages? Load(string directory, SupernetSpec spec, bool train, IImageDecoder? decoder)
    {
        ArgumentNullException.ThrowIfNull(spec);
        string idxImages = Path.Combine(directory, train ? "train-images-idx3-ubyte.gz" : "t10k-images-idx3-ubyte.gz");
        if (File.Exists(idxImages)) return train ? FashionMnist.LoadTrain(directory) : FashionMnist.LoadTest(directory);
        foreach (var split in train ? ["train"] : new[] { "val", "test" })
        {
            string folder = Path.Combine(directory, split);
            if (Directory.Exists(folder)) return ImageFolderDataset.Load(folder, spec.ImageSize, spec.Channels, decoder).Images;
        }
        return null;
    }
}
