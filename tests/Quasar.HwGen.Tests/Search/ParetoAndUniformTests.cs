using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Search;
using Quasar.HwGen.Search.Results;

namespace Quasar.HwGen.Tests.Search;

/// <summary>The Pareto set and the uniform baseline, against brute force.</summary>
[TestFixture]
public sealed class ParetoAndUniformTests
{
    [Test]
    public void The_pareto_front_keeps_exactly_the_undominated_points_fastest_first()
    {
        var subnet = Subnet.Smallest(SearchSetup.Space);
        Candidate C(double accuracy, double fps) => new(subnet with { EmbedDim = (int)fps }, accuracy, fps);
        var points = new[] { C(0.70, 300), C(0.80, 200), C(0.75, 250), C(0.74, 240), C(0.60, 310), C(0.80, 150), C(0.90, 100) };

        var front = ParetoFront.Of(points);

        Assert.That(front.Select(c => (c.Accuracy, c.Fps)), Is.EqualTo(new[] { (0.60, 310.0), (0.70, 300.0), (0.75, 250.0), (0.80, 200.0), (0.90, 100.0) }));
    }

    [Test]
    public void The_maximal_uniform_subnets_contain_the_most_accurate_uniform_subnet_reaching_each_target()
    {
        var space = SearchSetup.Space;
        var model = SearchSetup.Model;
        var evaluator = new SyntheticAccuracyEvaluator(space);
        foreach (double target in SearchSetup.Targets)
        {
            var reaching = UniformBaseline.All(space).Where(s => model.FramesPerSecond(s, space) >= target).ToList();
            var maximal = UniformBaseline.MaximalReaching(space, model, target);

            Assert.That(maximal.Count, Is.LessThan(reaching.Count));
            Assert.That(reaching, Is.SupersetOf(maximal));
            double best = reaching.Max(s => evaluator.Evaluate(s, default));
            Assert.That(maximal.Max(s => evaluator.Evaluate(s, default)), Is.EqualTo(best));
        }
    }

    [Test]
    public void There_is_a_uniform_subnet_for_every_combination_of_choices()
    {
        var c = SearchSetup.Space.Choices;

        Assert.That(UniformBaseline.All(SearchSetup.Space).Count(),
            Is.EqualTo(c.EmbedDims.Count * c.Depths.Count * c.Heads.Count * c.MlpRatios.Count * c.Row8BitRatios.Count));
    }
}
