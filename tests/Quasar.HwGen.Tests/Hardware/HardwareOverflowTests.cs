using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Hardware.Engine;
using Quasar.HwGen.Hardware.Resources;
using Quasar.HwGen.Hardware.Solver;

namespace Quasar.HwGen.Tests.Hardware;

/// <summary>Regressions found by fuzzing: budgets and configs beyond the device wrapped the solver's sizes or built a 0 MHz engine.</summary>
[TestFixture]
public sealed class HardwareOverflowTests
{
    [Test]
    public void A_dsp_budget_far_beyond_the_device_gives_no_candidate_a_negative_unit_count()
    {
        // arrayDsps × packing wrapped to a negative count, and the resource model threw on the invalid engine.
        var candidates = EngineSolver.Candidates(HardwareSamples.Zcu102, 197, 960, 960, int.MaxValue).ToList();

        Assert.That(candidates, Has.All.Matches<EngineConfig>(e => e.DspUnits >= 0 && e.FindIssues().Count == 0));
    }

    [Test]
    public void A_huge_budget_is_refused_naming_the_resource_and_its_limit()
    {
        var budget = new ResourceBudget(int.MaxValue, 100, 100, -1);

        var error = Assert.Throws<ArgumentException>(() => EngineSolver.ForSpace(HardwareSamples.Zcu102, HardwareSamples.FashionMnist, budget))!;

        Assert.That(error.Message, Is.EqualTo(
            "invalid resource budget: a DSP budget of 2147483647 is outside [0, 20000] DSP48E2s; a BRAM budget of -1 is outside [0, 20000] BRAM_18K blocks"));
    }

    [Test]
    public void A_platform_clock_of_1e_minus_300_mhz_built_in_code_is_refused_before_an_engine_is_sized()
    {
        var platform = HardwareSamples.Zcu102 with { ClockMhz = 1e-300 };

        var error = Assert.Throws<ConfigException>(() => EngineSolver.ForSpace(platform, HardwareSamples.FashionMnist))!;

        Assert.That(error.Message, Is.EqualTo("clock_mhz: 1E-300 is too small; the smallest supported kernel clock is 50 MHz"));
    }

    [Test]
    public void A_space_of_65536_by_65536_patches_built_in_code_is_refused_before_an_engine_is_sized()
    {
        var space = HardwareSamples.FashionMnist with { Image = HardwareSamples.FashionMnist.Image with { Size = 65_536, PatchSize = 1 } };

        var error = Assert.Throws<ConfigException>(() => EngineSolver.ForSpace(HardwareSamples.Zcu102, space))!;

        Assert.That(error.Message, Does.StartWith("image.size: 65536 is too large; the largest supported number of pixels is 1024"));
    }

    [Test]
    public void An_engine_whose_buffer_bound_would_overflow_the_bram_count_is_invalid_not_an_overflow()
    {
        var engine = HardwareSamples.FashionMnistEngine.Engine with { MaxReduction = int.MaxValue };

        Assert.That(engine.FindIssues(), Does.Contain("the longest reduction (MAX_REDUCTION) 2147483647 is outside [1, 65536]"));
    }
}
