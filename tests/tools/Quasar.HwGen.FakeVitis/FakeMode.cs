namespace Quasar.HwGen.FakeVitis;

/// <summary>How a fake tool run ends (<c>QUASAR_FAKE_VITIS_MODE</c>).</summary>
internal enum FakeMode
{
    /// <summary>The real success log, the real reports where the tool writes them, exit 0.</summary>
    Pass,

    /// <summary>The step's real error lines, exit 1.</summary>
    Fail,

    /// <summary>The step's real error lines, exit 0 (as some releases do after a cosim mismatch).</summary>
    FailExitZero,

    /// <summary>A few log lines, then a child process and the tool itself wait forever (their pids in <c>QUASAR_FAKE_VITIS_PIDS</c>).</summary>
    Hang,

    /// <summary>A few log lines, then the tool aborts (SIGABRT).</summary>
    Crash,

    /// <summary>The success log and exit 0, but no report or output file.</summary>
    NoReport,

    /// <summary>As <see cref="Pass"/>, but a link's routed timing summary says timing is not met (v++ exits 0 then).</summary>
    TimingNotMet,
}
