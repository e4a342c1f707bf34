using Quasar.HwGen.Training.Native;

namespace Quasar.HwGen.Training.Tests.Native;

/// <summary>FTZ/DAZ through glibc's fenv: denormals become zero on the thread that asked.</summary>
[TestFixture]
public sealed class FloatingPointEnvironmentTests
{
    private static readonly float[] Operands = [1e-40f, 1f];

    [Test]
    public void Flushing_makes_denormal_arithmetic_zero_on_the_calling_thread()
    {
        if (!OperatingSystem.IsLinux()) Assert.Ignore("glibc only");
        float flushed = float.NaN, before = float.NaN;
        bool reported = false;
        var thread = new Thread(() =>
        {
            before = Operands[0] * Operands[1];
            reported = FloatingPointEnvironment.FlushDenormalsToZero();
            flushed = Operands[0] * Operands[1];
        });
        thread.Start();
        thread.Join();

        Assert.That(before, Is.EqualTo(1e-40f), "IEEE denormals by default");
        Assert.That(reported, Is.True);
        Assert.That(flushed, Is.EqualTo(0f));
    }
}
