using System.Diagnostics;
using Quasar.HwGen.Core.Configs;

namespace Quasar.HwGen.Tests.Hardware;

/// <summary>The search calls the latency model for every candidate: it must be fast and allocation-free.</summary>
[TestFixture]
public sealed class LatencyModelPerformanceTests
{
    [Test]
    public void An_estimate_allocates_nothing_once_its_shapes_are_cached()
    {
        var model = HardwareSamples.FashionMnistEngine.Model;
        var subnets = HardwareSamples.RandomSubnets(HardwareSamples.FashionMnist, 200, seed: 3);
        foreach (var subnet in subnets) model.FramesPerSecond(subnet, HardwareSamples.FashionMnist);

        long before = GC.GetAllocatedBytesForCurrentThread();
        double sum = 0;
        for (int i = 0; i < subnets.Count; i++) sum += model.FramesPerSecond(subnets[i], HardwareSamples.FashionMnist);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(sum, Is.GreaterThan(0));
        Assert.That(allocated, Is.Zero);
    }

    [Test]
    public void The_model_makes_at_least_10_000_fashion_mnist_estimates_a_second()
    {
        var model = HardwareSamples.FashionMnistEngine.Model;
        var subnets = HardwareSamples.RandomSubnets(HardwareSamples.FashionMnist, 500, seed: 4);
        foreach (var subnet in subnets) model.FramesPerSecond(subnet, HardwareSamples.FashionMnist);

        int estimates = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < 0.25)
        {
            foreach (Subnet subnet in subnets) model.FramesPerSecond(subnet, HardwareSamples.FashionMnist);
            estimates += subnets.Count;
        }

        Assert.That(estimates / clock.Elapsed.TotalSeconds, Is.GreaterThan(10_000));
    }
}
