namespace Quasar.HwGen.Core.Configs;

/// <summary>The validation rules of a <see cref="PlatformConfig"/>.</summary>
internal static class PlatformRules
{
    public static IReadOnlyList<ConfigIssue> Check(PlatformConfig platform)
    {
        var issues = new List<ConfigIssue>();
        ConfigRules.Name(issues, "name", platform.Name);
        NonBlank(issues, "part", platform.Part);
        NonBlank(issues, "vitis_platform", platform.VitisPlatform);
        ConfigRules.Positive(issues, "clock_mhz", platform.ClockMhz, "frequency");

        var resources = platform.Resources;
        ConfigRules.Positive(issues, "resources.dsp", resources.Dsp, "count");
        ConfigRules.Positive(issues, "resources.lut", resources.Lut, "count");
        ConfigRules.Positive(issues, "resources.ff", resources.Ff, "count");
        ConfigRules.NotNegative(issues, "resources.bram_18k", resources.Bram18k, "count");
        ConfigRules.NotNegative(issues, "resources.uram", resources.Uram, "count");

        ConfigRules.Positive(issues, "ddr.peak_gb_per_s", platform.Ddr.PeakGBPerSecond, "bandwidth");
        if (platform.Ddr.Efficiency is <= 0 or > 1)
            issues.Add(new("ddr.efficiency", $"{ConfigText.Number(platform.Ddr.Efficiency)} is outside (0, 1]; it is the sustained fraction of the peak bandwidth"));

        NonBlank(issues, "host.cpu", platform.Host.Cpu);
        ConfigRules.Positive(issues, "host.cores", platform.Host.Cores, "count");
        ConfigRules.Positive(issues, "host.clock_ghz", platform.Host.ClockGhz, "frequency");
        return issues;
    }

    private static void NonBlank(List<ConfigIssue> issues, string field, string value)
    {
        if (string.IsNullOrWhiteSpace(value)) issues.Add(new(field, "is blank; give a value"));
    }
}
