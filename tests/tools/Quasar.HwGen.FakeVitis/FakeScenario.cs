namespace Quasar.HwGen.FakeVitis;

/// <summary>
/// What the test asked of the fake, from the environment the wrapper script sets (the mode also from a project's
/// <see cref="ModeFileName"/>): the mode, the Vitis release it
/// pretends to be, where the fixture reports are, where to record each call and, for a hang, the pids.
/// </summary>
internal sealed record FakeScenario(FakeMode Mode, string Release, string Fixtures, string? CallLog, string? PidFile)
{
    /// <summary>A file in the tool's working directory (a generated project) whose content is that project's mode.</summary>
    public const string ModeFileName = "quasar-fake-vitis.mode";

    public static FakeScenario FromEnvironment()
    {
        // A project may ask for its own ending (a sweep where one design fails and one hangs): its file overrides the variable.
        var own = Path.Combine(Environment.CurrentDirectory, ModeFileName);
        var asked = File.Exists(own) ? File.ReadAllText(own).Trim() : Environment.GetEnvironmentVariable("QUASAR_FAKE_VITIS_MODE");
        var mode = asked switch
        {
            null or "" or "pass" => FakeMode.Pass,
            "fail" => FakeMode.Fail,
            "fail-exit0" => FakeMode.FailExitZero,
            "hang" => FakeMode.Hang,
            "crash" => FakeMode.Crash,
            "no-report" => FakeMode.NoReport,
            "timing-not-met" => FakeMode.TimingNotMet,
            var other => throw new FakeUsageException($"mode {other}: expected pass, fail, fail-exit0, hang, crash, no-report or timing-not-met"),
        };
        var fixtures = Environment.GetEnvironmentVariable("QUASAR_FAKE_VITIS_FIXTURES")
            ?? throw new FakeUsageException("QUASAR_FAKE_VITIS_FIXTURES is not set (the folder of the real reports to write)");
        return new FakeScenario(mode, Environment.GetEnvironmentVariable("QUASAR_FAKE_VITIS_RELEASE") ?? "2020.2", fixtures,
            Environment.GetEnvironmentVariable("QUASAR_FAKE_VITIS_CALLS"), Environment.GetEnvironmentVariable("QUASAR_FAKE_VITIS_PIDS"));
    }

    /// <summary>Releases before 2020.1 are Vivado HLS: their reports name the DSP tag DSP48E.</summary>
    public bool IsVivadoHls => string.CompareOrdinal(Release, "2020.1") < 0;
}
