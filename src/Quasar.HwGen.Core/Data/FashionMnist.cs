namespace Quasar.HwGen.Core.Data;

/// <summary>Where Fashion-MNIST lives: the subset shipped under samples/, or the Debian package's full set.</summary>
public static class FashionMnist
{
    /// <summary>Installed by `apt-get install dataset-fashion-mnist`.</summary>
    public const string DebianPackageDirectory = "/usr/share/datasets/fashion-mnist";

    public const string SampleSubdirectory = "samples/data/fashion-mnist";

    public static readonly IReadOnlyList<string> ClassNames =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    public static LabeledImages LoadTrain(string directory) =>
        IdxDataset.Load(Path.Combine(directory, "train-images-idx3-ubyte.gz"), Path.Combine(directory, "train-labels-idx1-ubyte.gz"));

    public static LabeledImages LoadTest(string directory) =>
        IdxDataset.Load(Path.Combine(directory, "t10k-images-idx3-ubyte.gz"), Path.Combine(directory, "t10k-labels-idx1-ubyte.gz"));
}
