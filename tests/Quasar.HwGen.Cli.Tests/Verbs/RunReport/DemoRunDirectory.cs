using Quasar.HwGen.Cli.Errors;
using Quasar.HwGen.Cli.Tests.Support;

namespace Quasar.HwGen.Cli.Tests.Verbs.RunReport;

/// <summary>
/// One real run of the main job (`quasar demo --out …`, the shipped supernet, three targets, g++ and sw-emu) for every
/// test in this namespace: the run directory they read, deleted after them.
/// </summary>
[SetUpFixture]
public sealed class DemoRunDirectory
{
    private static WorkDirectory? _work;

    /// <summary>The run directory of the demo run.</summary>
    public static string Path { get; private set; } = "";

    /// <summary>What the demo printed.</summary>
    public static string Output { get; private set; } = "";

    [OneTimeSetUp]
    public void RunTheDemo()
    {
        _work = new WorkDirectory();
        Path = _work.File("run");
        var run = Shell.Run(TimeSpan.FromMinutes(10), "demo", "--out", Path);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        Output = run.Out;
    }

    [OneTimeTearDown]
    public void Delete() => _work?.Dispose();
}
