using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Hardware.Latency;
using Quasar.HwGen.Hardware.Resources;
using Quasar.HwGen.Hardware.Solver;

namespace Quasar.HwGen.Tests.Hardware;

/// <summary>The engine solver: within the budget, the tightest resource reported, infeasible budgets explained.</summary>
[TestFixture]
public sealed class EngineSolverTests
{
    private static PlatformConfig Zcu102 => HardwareSamples.Zcu102;

    private static SearchSpace Space => HardwareSamples.FashionMnist;

    [Test]
    public void The_solved_engine_fits_the_papers_budget_and_names_its_tightest_resource()
    {
        var solution = HardwareSamples.FashionMnistEngine;
        var total = solution.Resources.Total;

        Assert.That(solution.Budget, Is.EqualTo(ResourceBudget.Paper(Zcu102)));
        Assert.That(solution.Budget.Admits(total), Is.True);
        foreach (var kind in ResourceBudget.Kinds)
            Assert.That(solution.Share(kind), Is.LessThanOrEqualTo(solution.Share(solution.Binding)), kind.ToString());
        Assert.That(solution.Engine.FindIssues(), Is.Empty);
    }

    [Test]
    public void A_space_engine_holds_the_largest_reduction_of_the_space_and_serves_every_subnet()
    {
        var engine = HardwareSamples.FashionMnistEngine;

        // fc2 of the largest subnet: hidden 96 × 4 = 384.
        Assert.That(engine.Engine.MaxReduction, Is.EqualTo(384));
        foreach (var subnet in HardwareSamples.RandomSubnets(Space, 50, seed: 11))
            Assert.That(engine.FramesPerSecond(subnet, Space), Is.GreaterThan(0));
    }

    [Test]
    public void A_larger_budget_never_gives_a_slower_engine()
    {
        var subnet = Subnet.Largest(Space);
        var paper = EngineSolver.ForSubnet(Zcu102, subnet, Space);
        var whole = EngineSolver.ForSubnet(Zcu102, subnet, Space, ResourceBudget.Fraction(Zcu102, 1, 1, 1, 1));

        Assert.That(whole.FramesPerSecond(subnet, Space), Is.GreaterThanOrEqualTo(paper.FramesPerSecond(subnet, Space)));
        Assert.That(whole.Resources.Total.Dsp, Is.LessThanOrEqualTo(Zcu102.Resources.Dsp));
    }

    [Test]
    public void A_bram_budget_too_small_for_the_buffers_names_bram_and_its_largest_user()
    {
        var budget = ResourceBudget.Paper(Zcu102) with { Bram = 12 };

        var error = Assert.Throws<InfeasibleEngineException>(() => EngineSolver.ForSpace(Zcu102, Space, budget))!;

        Assert.That(error.BindingResource, Is.EqualTo(ResourceKind.Bram));
        Assert.That(error.Message, Does.StartWith("no engine fits the budget: the BRAM budget of 12 BRAM_18K blocks cannot hold even the smallest engine for K ≤ 384"));
        Assert.That(error.Message, Does.Contain("raise --bram-budget"));
    }

    [Test]
    public void A_dsp_budget_below_the_smallest_output_stage_names_dsp()
    {
        var budget = ResourceBudget.Paper(Zcu102) with { Dsp = 16 };

        var error = Assert.Throws<InfeasibleEngineException>(() => EngineSolver.ForSpace(Zcu102, Space, budget))!;

        Assert.That(error.BindingResource, Is.EqualTo(ResourceKind.Dsp));
        Assert.That(error.Message, Does.Contain("DSP budget of 16").And.Contain("--dsp-budget"));
    }

    [Test]
    public void A_lut_budget_too_small_names_lut()
    {
        var budget = ResourceBudget.Paper(Zcu102) with { Lut = 20_000 };

        var error = Assert.Throws<InfeasibleEngineException>(() => EngineSolver.ForSpace(Zcu102, Space, budget))!;

        Assert.That(error.BindingResource, Is.EqualTo(ResourceKind.Lut));
        Assert.That(error.Message, Does.Contain("the LUT budget of 20,000 LUTs").And.Contain("--lut-budget"));
    }

    [Test]
    public void An_unreachable_fps_target_names_the_binding_resource_and_the_fps_reached()
    {
        var subnet = Subnet.Largest(Space);
        double reachable = HardwareSamples.FashionMnistEngine.FramesPerSecond(subnet, Space);

        var error = Assert.Throws<InfeasibleEngineException>(() => EngineSolver.ForSubnet(Zcu102, subnet, Space, minFps: 100 * reachable))!;

        Assert.That(error.Message, Does.StartWith("the best engine within the budget reaches "));
        Assert.That(error.Message, Does.Contain($"the {ResourceBudget.Name(error.BindingResource)} budget binds"));
        Assert.That(error.Message, Does.Contain(ResourceBudget.OptionName(error.BindingResource)));
    }

    [Test]
    public void A_reachable_fps_target_returns_the_engine()
    {
        var subnet = Subnet.Largest(Space);
        var solution = EngineSolver.ForSubnet(Zcu102, subnet, Space, minFps: 100);

        Assert.That(solution.FramesPerSecond(subnet, Space), Is.GreaterThanOrEqualTo(100));
    }

    [Test]
    public void The_solver_picks_the_fastest_admitted_candidate()
    {
        // Brute force over a sample of the candidates: none within the budget beats the solver's choice.
        var subnet = Subnet.Largest(Space);
        var budget = ResourceBudget.Paper(Zcu102);
        var solution = EngineSolver.ForSubnet(Zcu102, subnet, Space, budget);
        double best = solution.Model.Seconds(subnet, Space);
        var candidates = EngineSolver.Candidates(Zcu102, Space.TokenCount, solution.Engine.MaxReduction, solution.Engine.MaxRows, budget.Dsp)
            .Where((_, i) => i % 37 == 0)
            .Where(e => budget.Admits(ResourceModel.Estimate(e).Total));

        foreach (var engine in candidates)
            Assert.That(new LatencyModel(Zcu102, engine).Seconds(subnet, Space), Is.GreaterThanOrEqualTo(best * (1 - 1e-12)), engine.Describe());
    }
}
