namespace Quasar.HwGen.Core.Configs;

/// <summary>The validation rules of a <see cref="PlatformConfig"/>; the limits are <see cref="ConfigLimits"/>'.</summary>
internal static class PlatformRules
{
    public static IReadOnlyList<ConfigIssue> Check(PlatformConfig platform)
    {
        var issues = new List<ConfigIssue>();
        ConfigRules.Name(issues, "name", platform.Name);
        NonBlank(issues, "part", platform.Part);
        NonBlank(issues, "vitis_platform", platform.VitisPlatform);
        ConfigRules.InRange(issues, "clock_mhz", platform.ClockMhz, ConfigLimits.MinClockMhz, ConfigLimits.MaxClockMhz, "kernel clock", "MHz");

        var resources = platform.Resources;
        ConfigRules.InRange(issues, "resources.dsp", resources.Dsp, 1, ConfigLimits.MaxDsp, "count");
        ConfigRules.InRange(issues, "resources.lut", resources.Lut, 1, ConfigLimits.MaxLut, "count");
        ConfigRules.InRange(issues, "resources.ff", resources.Ff, 1, ConfigLimits.MaxFf, "count");
        ConfigRules.InRange(issues, "resources.bram_18k", resources.Bram18k, 0, ConfigLimits.MaxBram18k, "count");
        ConfigRules.InRange(issues, "resources.uram", resources.Uram, 0, ConfigLimits.MaxUram, "count");

        ConfigRules.InRange(issues, "ddr.peak_gb_per_s", platform.Ddr.PeakGBPerSecond, ConfigLimits.MinDdrGBPerSecond, ConfigLimits.MaxDdrGBPerSecond, "bandwidth", "GB/s");
        var efficiency = platform.Ddr.Efficiency;
        if (!double.IsFinite(efficiency) || efficiency < ConfigLimits.MinDdrEfficiency || efficiency > 1)
        {
            issues.Add(new("ddr.efficiency",
                $"{ConfigText.Number(efficiency)} is outside [{ConfigText.Number(ConfigLimits.MinDdrEfficiency)}, 1]; it is the sustained fraction of the peak bandwidth"));
        }

        NonBlank(issues, "host.cpu", platform.Host.Cpu);
        ConfigRules.InRange(issues, "host.cores", platform.Host.Cores, 1, ConfigLimits.MaxHostCores, "count");
        ConfigRules.InRange(issues, "host.clock_ghz", platform.Host.ClockGhz, ConfigLimits.MinHostClockGhz, ConfigLimits.MaxHostClockGhz, "frequency", "GHz");
        return issues;
    }

    private static void NonBlank(List<ConfigIssue> issues, string field, string value)
    {
        if (string.IsNullOrWhiteSpace(value)) issues.Add(new(field, "is blank; give a value"));
    }
}
