using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Hardware.Solver;

namespace Quasar.HwGen.Tests.Hardware;

/// <summary>The sample platform and spaces, and the engines the solver picks for them (solved once per test run).</summary>
internal static class HardwareSamples
{
    public static PlatformConfig Zcu102 { get; } = SampleConfigs.LoadPlatform(SampleConfigs.Zcu102);

    public static SearchSpace FashionMnist { get; } = SampleConfigs.LoadSearchSpace(SampleConfigs.FashionMnist);

    public static SearchSpace ImageNetTiny { get; } = SampleConfigs.LoadSearchSpace(SampleConfigs.ImageNetTiny);

    private static readonly Lazy<EngineSolution> FashionMnistEngineLazy = new(() => EngineSolver.ForSpace(Zcu102, FashionMnist));

    private static readonly Lazy<EngineSolution> ImageNetTinyEngineLazy = new(() => EngineSolver.ForSpace(Zcu102, ImageNetTiny));

    public static EngineSolution FashionMnistEngine => FashionMnistEngineLazy.Value;

    public static EngineSolution ImageNetTinyEngine => ImageNetTinyEngineLazy.Value;

    /// <summary><paramref name="count"/> random subnets of <paramref name="space"/>, the same for a seed.</summary>
    public static IReadOnlyList<Subnet> RandomSubnets(SearchSpace space, int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => Subnet.Random(space, random))];
    }
}
