namespace Quasar.HwGen.Tests.Csim;

/// <summary>
/// Bit-exactness of the generated kernel (g++) against the C# emulation over random subnets of every sample space:
/// a CI sample here; the full sweep (≥ 100 subnets) behind the Sweep category (`./build.sh TestSweep`).
/// </summary>
[TestFixture]
[Category("NeedsGpp")]
public sealed class KernelSweepTests
{
    [TestCase("fashion-mnist", 6, 3)]
    [TestCase("imagenet-tiny", 1, 1)]
    [TestCase("imagenet-small", 1, 1)]
    public void Random_subnets_give_identical_outputs_on_every_fpga_op_through_the_compiled_kernel(string space, int subnets, int images) =>
        Sweep(space, subnets, images, firstSeed: 100);

    [TestCase("fashion-mnist", 50, 2)]
    [TestCase("imagenet-tiny", 30, 1)]
    [TestCase("imagenet-small", 25, 1)]
    [Category("Sweep")]
    public void Full_sweep(string space, int subnets, int images) => Sweep(space, subnets, images, firstSeed: 1000);

    private static void Sweep(string space, int subnets, int images, int firstSeed)
    {
        using var sweep = KernelSweep.Create(space);
        for (int i = 0; i < subnets; i++)
        {
            string line = sweep.RunRandomSubnet(firstSeed + i, images);
            TestContext.Out.WriteLine($"{space} #{i + 1}: {line}");
        }
        TestContext.Out.WriteLine($"{space}: {subnets} subnets, {sweep.Calls} kernel calls, {sweep.Elements} output elements, all equal");
        Assert.That(sweep.Calls, Is.GreaterThan(0));
    }
}
