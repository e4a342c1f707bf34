using Quasar.HwGen.Codegen.Engine;
using Quasar.HwGen.Hardware.Engine;

namespace Quasar.HwGen.Tests.Codegen;

/// <summary>Explicit buffer bounds are checked against what the engine supports, by the same checks the CLI calls.</summary>
[TestFixture]
public sealed class EngineSizingOptionsTests
{
    [Test]
    public void No_bounds_and_bounds_at_the_limits_are_valid()
    {
        Assert.That(new EngineSizingOptions().FindIssues(), Is.Empty);
        Assert.That(new EngineSizingOptions(EngineScope.Space, EngineConfig.MaxReductionLimit, EngineConfig.MaxRowsLimit).FindIssues(), Is.Empty);
    }

    [Test]
    public void Bounds_outside_the_limits_are_named_and_refused()
    {
        var options = new EngineSizingOptions(EngineScope.Subnet, 0, int.MaxValue);

        Assert.That(options.FindIssues(), Is.EqualTo(new[]
        {
            "the longest reduction (MAX_REDUCTION) 0 is outside [1, 65536]",
            "the most output rows (MAX_ROWS) 2147483647 is outside [1, 65536]",
        }));
        Assert.That(EngineConfig.CheckMaxReduction(-5), Is.EqualTo("the longest reduction (MAX_REDUCTION) -5 is outside [1, 65536]"));
        Assert.That(EngineConfig.CheckMaxRows(512), Is.Null);
        Assert.Throws<ArgumentException>(options.Validate);
    }
}
