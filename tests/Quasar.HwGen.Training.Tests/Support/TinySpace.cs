using Quasar.HwGen.Core.Data;
using Quasar.HwGen.Training.Spaces;

namespace Quasar.HwGen.Training.Tests.Support;

/// <summary>A supernet small enough to train for dozens of steps in seconds, on the shipped Fashion-MNIST subset.</summary>
public static class TinySpace
{
    public static SupernetSpec Spec { get; } = BuiltInSpaces.FashionMnist with
    {
        Name = "tiny-fashion-mnist",
        PatchSize = 7,
        EmbedDims = [16, 24],
        Depths = [1, 2],
        Heads = [1, 2],
        HeadDim = 8,
        MlpRatios = [2.0, 3.0],
        Row8Ratios = [0.0, 0.5, 1.0],
    };

    private static readonly Lazy<LabeledImages> Train = new(() => FashionMnist.LoadTrain(Path.Combine(RepositoryRoot(), FashionMnist.SampleSubdirectory)));
    private static readonly Lazy<LabeledImages> Test = new(() => FashionMnist.LoadTest(Path.Combine(RepositoryRoot(), FashionMnist.SampleSubdirectory)));

    public static LabeledImages ShippedTrain => Train.Value;

    public static LabeledImages ShippedTest => Test.Value;

    public static string SampleDataDirectory => Path.Combine(RepositoryRoot(), FashionMnist.SampleSubdirectory);

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Quasar.HwGen.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("no Quasar.HwGen.sln above " + AppContext.BaseDirectory);
    }
}
