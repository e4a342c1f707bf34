namespace Quasar.HwGen.Vitis.Vpp;

/// <summary>What a v++ step builds for: the target (hw or hw_emu) and the Vitis platform, and how long it may take.</summary>
/// <param name="Platform">A platform name on PLATFORM_REPO_PATHS or an .xpfm path, e.g. xilinx_zcu102_base_202420_1.</param>
/// <param name="Timeout">The step is killed after this long (null: never); an implementation run takes hours.</param>
/// <param name="ExcerptLines">The most log lines an error carries.</param>
public sealed record VppOptions(string Target, string Platform, TimeSpan? Timeout = null, int ExcerptLines = 25)
{
    /// <summary>The targets a ZCU102 build takes: the board, or RTL emulation of it.</summary>
    public static IReadOnlyList<string> Targets { get; } = ["hw", "hw_emu"];

    public void Validate()
    {
        if (!Targets.Contains(Target)) throw new ArgumentException($"target '{Target}': expected {string.Join(" or ", Targets)}");
        ArgumentException.ThrowIfNullOrWhiteSpace(Platform);
    }
}
