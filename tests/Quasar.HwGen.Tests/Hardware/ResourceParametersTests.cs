using Quasar.HwGen.Hardware.Engine;
using Quasar.HwGen.Hardware.Resources;

namespace Quasar.HwGen.Tests.Hardware;

/// <summary>The resource model's adjustable costs: the defaults give the model's numbers, and each cost moves exactly its own terms.</summary>
[TestFixture]
public sealed class ResourceParametersTests
{
    private static readonly EngineConfig Small = new(DspUnits: 24, PackingFactor: 3, LutUnits: 8, TileTokens: 4, TileRows: 8, TileReduction: 4,
        MaxReduction: 16, MaxRows: 8, ClockMhz: 150);

    [Test]
    public void The_default_parameters_give_the_same_estimate_as_none()
    {
        Assert.That(ResourceModel.Estimate(Small, ResourceParameters.Default).Total, Is.EqualTo(ResourceModel.Estimate(Small).Total));
    }

    [Test]
    public void Each_cost_moves_the_total_by_its_count_of_the_engine()
    {
        var before = ResourceModel.Estimate(Small).Total;
        var after = ResourceModel.Estimate(Small, new ResourceParameters(ControlLuts: 6_100, OutputLaneFfs: 410, DspUnitFfs: 13, LutUnitFfs: 23)).Total;

        Assert.That(after.Lut - before.Lut, Is.EqualTo(100).Within(1e-9));
        // 8 lanes × 10 + 24 DSP units × 1 + 8 LUT units × 1.
        Assert.That(after.Ff - before.Ff, Is.EqualTo(80 + 24 + 8).Within(1e-9));
    }

    [Test]
    public void The_kernel_total_leaves_out_the_platform_shell()
    {
        var estimate = ResourceModel.Estimate(Small, new ResourceParameters(PlatformShellLuts: 1, PlatformShellFfs: 2));

        Assert.That(estimate.Total.Lut - estimate.Kernel.Lut, Is.EqualTo(1).Within(1e-9));
        Assert.That(estimate.Total.Ff - estimate.Kernel.Ff, Is.EqualTo(2).Within(1e-9));
    }

    [Test]
    public void A_negative_cost_is_refused_by_name()
    {
        var error = Assert.Throws<ArgumentException>(() => ResourceModel.Estimate(Small, new ResourceParameters(ControlFfs: -1)))!;

        Assert.That(error.Message, Does.Contain("ControlFfs -1"));
    }
}
