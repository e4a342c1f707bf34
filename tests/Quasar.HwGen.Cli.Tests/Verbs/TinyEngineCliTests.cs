using Quasar.HwGen.Cli.Tests.Support;

namespace Quasar.HwGen.Cli.Tests.Verbs;

/// <summary>`quasar generate --engine tiny`: a project with a tiny array that C-simulates bit-exact with g++, end to end.</summary>
[TestFixture]
[NonParallelizable]
public sealed class TinyEngineCliTests
{
    [Test]
    public void A_tiny_engine_project_runs_the_model_bit_for_bit()
    {
        using var work = new WorkDirectory();
        var package = work.File("pkg");
        var project = work.File("tiny project");
        Assert.That(Shell.Run("lower", "--subnet", "fashion-mnist.largest", "--out", package, "--count", "1").ExitCode, Is.Zero);

        var generated = Shell.Run("generate", "--package", package, "--out", project, "--engine", "tiny");
        Assert.That(generated.ExitCode, Is.Zero, generated.ToString());
        // TinyEngine: 8 rows × 4 lanes, one token a cycle for packing 3 or a token pair for packing 4 (the space's engine decides).
        Assert.That(generated.Out, Does.Match("= [12]×8×4 array").And.Contain("sized tiny:"));

        var csim = Shell.Run(TimeSpan.FromMinutes(5), "csim", project, "--gxx", "--package", package, "--count", "10");
        Assert.That(csim.ExitCode, Is.Zero, csim.ToString());
        Assert.That(csim.Out, Does.Contain("csim (g++): PASS").And.Contain("end to end: PASS, identical logits on 10 images"));
    }
}
