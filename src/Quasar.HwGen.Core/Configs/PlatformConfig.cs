namespace Quasar.HwGen.Core.Configs;

/// <summary>
/// A board the GEMM engine is generated for: the FPGA part and its resources, the kernel clock, the shared DDR and
/// the host CPU, and the Vitis platform to link against. samples/configs/zcu102.platform.yaml documents each value.
/// </summary>
public sealed record PlatformConfig(
    string Name,
    string Part,
    string VitisPlatform,
    double ClockMhz,
    FpgaResources Resources,
    DdrMemory Ddr,
    HostProcessor Host)
{
    public const string DefaultVitisPlatform = "xilinx_zcu102_base_202420_1";

    /// <summary>Kernel clock cycles per second.</summary>
    public double ClockHz => ClockMhz * 1e6;

    public IReadOnlyList<ConfigIssue> FindIssues() => PlatformRules.Check(this);

    public void Validate()
    {
        var issues = FindIssues();
        if (issues.Count > 0) throw new ConfigException(issues);
    }
}
