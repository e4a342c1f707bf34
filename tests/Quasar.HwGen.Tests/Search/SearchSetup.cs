using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Hardware.Latency;
using Quasar.HwGen.Search;
using Quasar.HwGen.Search.Evolution;
using Quasar.HwGen.Tests.Hardware;

namespace Quasar.HwGen.Tests.Search;

/// <summary>A small search on the fashion-mnist space and its ZCU102 engine, fast enough for unit tests.</summary>
internal static class SearchSetup
{
    public static SearchSpace Space => HardwareSamples.FashionMnist;

    public static LatencyModel Model => HardwareSamples.FashionMnistEngine.Model;

    /// <summary>FPS of the smallest and the largest subnet: the range targets must fall in.</summary>
    public static (double Slowest, double Fastest) FpsRange =>
        (Model.FramesPerSecond(Subnet.Largest(Space), Space), Model.FramesPerSecond(Subnet.Smallest(Space), Space));

    /// <summary>Two targets, at a third and two thirds of the way from the largest subnet's FPS to the smallest's.</summary>
    public static IReadOnlyList<double> Targets
    {
        get
        {
            var (slow, fast) = FpsRange;
            return [Math.Round(slow + (fast - slow) / 3), Math.Round(slow + 2 * (fast - slow) / 3)];
        }
    }

    public static SearchOptions Options(int seed = 1, IReadOnlyList<double>? targets = null) => new(
        targets ?? Targets, Population: 16, TopK: 4, Mutations: 8, Crossovers: 8, MutationProbability: 0.2, Generations: 6, Seed: seed);

    public static EvolutionarySearch Search(IAccuracyEvaluator? evaluator = null, SearchOptions? options = null) =>
        new(Space, Model, evaluator ?? new SyntheticAccuracyEvaluator(Space), options ?? Options());
}
