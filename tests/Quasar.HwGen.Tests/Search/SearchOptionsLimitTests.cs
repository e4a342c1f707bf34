using Quasar.HwGen.Search.Evolution;

namespace Quasar.HwGen.Tests.Search;

/// <summary>The per-option checks the CLI calls at parse time agree with the record's own validation.</summary>
[TestFixture]
public sealed class SearchOptionsLimitTests
{
    [Test]
    public void The_defaults_pass_every_check()
    {
        Assert.That(new SearchOptions([30.0]).FindIssues(), Is.Empty);
    }

    [TestCase(int.MaxValue, "population 2147483647 is outside [1, 10000]")]
    [TestCase(0, "population 0 is outside [1, 10000]")]
    public void A_population_outside_its_range_is_named(int population, string expected)
    {
        Assert.That(SearchOptions.CheckPopulation(population), Is.EqualTo(expected));
        Assert.That(new SearchOptions([30.0], Population: population, TopK: 1).FindIssues(), Does.Contain(expected));
    }

    [Test]
    public void Huge_counts_whose_product_with_the_tries_would_wrap_are_refused()
    {
        var options = new SearchOptions([30.0], Mutations: int.MaxValue, Crossovers: -1, Generations: int.MaxValue, TriesPerCandidate: int.MaxValue);

        Assert.That(options.FindIssues(), Is.EqualTo(new[]
        {
            "mutations 2147483647 is outside [0, 10000]",
            "crossovers -1 is outside [0, 10000]",
            "generations 2147483647 is outside [1, 10000]",
            "tries per candidate 2147483647 is outside [1, 1000]",
        }));
        Assert.Throws<ArgumentException>(options.Validate);
    }

    [TestCase(double.NaN, "FPS target NaN is outside (0, 1000000]")]
    [TestCase(double.PositiveInfinity, "FPS target Infinity is outside (0, 1000000]")]
    [TestCase(0.0, "FPS target 0 is outside (0, 1000000]")]
    public void A_non_finite_or_non_positive_fps_target_is_named(double target, string expected)
    {
        Assert.That(SearchOptions.CheckFpsTargets([30.0, target]), Is.EqualTo(expected));
    }

    [Test]
    public void A_top_k_above_the_population_is_named_with_both()
    {
        Assert.That(SearchOptions.CheckTopK(10, 2), Is.EqualTo("top-k 10 must be between 1 and the population 2"));
        Assert.That(SearchOptions.CheckMutationProbability(double.NaN), Is.EqualTo("mutation probability NaN is outside [0, 1]"));
    }
}
