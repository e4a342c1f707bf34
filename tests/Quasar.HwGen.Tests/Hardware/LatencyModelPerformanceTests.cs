using Quasar.HwGen.Core.Configs;

namespace Quasar.HwGen.Tests.Hardware;

/// <summary>The search calls the latency model for every candidate: it must be allocation-free (its speed is measured by `./build.sh BenchHardware`, not by a timed test).</summary>
[TestFixture]
public sealed class LatencyModelPerformanceTests
{
    [Test]
    public void An_estimate_allocates_nothing_once_its_shapes_are_cached()
    {
        var model = HardwareSamples.FashionMnistEngine.Model;
        var subnets = HardwareSamples.RandomSubnets(HardwareSamples.FashionMnist, 200, seed: 3);
        // Several warm passes: the runtime's tiered JIT may allocate a few bytes on this thread while it re-compiles.
        for (int pass = 0; pass < 3; pass++)
        {
            foreach (var subnet in subnets) model.FramesPerSecond(subnet, HardwareSamples.FashionMnist);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        double sum = 0;
        for (int i = 0; i < subnets.Count; i++) sum += model.FramesPerSecond(subnets[i], HardwareSamples.FashionMnist);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(sum, Is.GreaterThan(0));
        Assert.That(allocated, Is.LessThan(subnets.Count), "an estimate must not allocate (a few runtime bytes are tolerated, not one per estimate)");
    }
}
