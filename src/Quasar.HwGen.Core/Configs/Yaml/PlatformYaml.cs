using YamlDotNet.RepresentationModel;

namespace Quasar.HwGen.Core.Configs.Yaml;

/// <summary>The YAML form of a <see cref="PlatformConfig"/>.</summary>
internal static class PlatformYaml
{
    private const string Name = "name";
    private const string Part = "part";
    private const string VitisPlatform = "vitis_platform";
    private const string ClockMhz = "clock_mhz";
    private const string Resources = "resources";
    private const string Dsp = "dsp";
    private const string Lut = "lut";
    private const string Ff = "ff";
    private const string Bram18k = "bram_18k";
    private const string Uram = "uram";
    private const string Ddr = "ddr";
    private const string PeakGBPerSecond = "peak_gb_per_s";
    private const string Efficiency = "efficiency";
    private const string Host = "host";
    private const string Cpu = "cpu";
    private const string Cores = "cores";
    private const string ClockGhz = "clock_ghz";

    public static PlatformConfig Read(MappingReader root)
    {
        var name = root.String(Name);
        var part = root.String(Part);
        var vitisPlatform = root.String(VitisPlatform);
        var clock = root.Double(ClockMhz);

        var resources = root.Mapping(Resources);
        var fpga = new FpgaResources(resources.Int(Dsp), resources.Int(Lut), resources.Int(Ff), resources.Int(Bram18k), resources.Int(Uram));
        resources.RejectUnknownKeys();

        var ddr = root.Mapping(Ddr);
        var memory = new DdrMemory(ddr.Double(PeakGBPerSecond), ddr.Double(Efficiency));
        ddr.RejectUnknownKeys();

        var host = root.Mapping(Host);
        var processor = new HostProcessor(host.String(Cpu), host.Int(Cores), host.Double(ClockGhz));
        host.RejectUnknownKeys();

        root.RejectUnknownKeys();
        return new PlatformConfig(name, part, vitisPlatform, clock, fpga, memory, processor);
    }

    public static YamlMappingNode Write(PlatformConfig platform) => new()
    {
        { Name, YamlOutput.Scalar(platform.Name) },
        { Part, YamlOutput.Scalar(platform.Part) },
        { VitisPlatform, YamlOutput.Scalar(platform.VitisPlatform) },
        { ClockMhz, YamlOutput.Scalar(platform.ClockMhz) },
        {
            Resources, new YamlMappingNode
            {
                { Dsp, YamlOutput.Scalar(platform.Resources.Dsp) },
                { Lut, YamlOutput.Scalar(platform.Resources.Lut) },
                { Ff, YamlOutput.Scalar(platform.Resources.Ff) },
                { Bram18k, YamlOutput.Scalar(platform.Resources.Bram18k) },
                { Uram, YamlOutput.Scalar(platform.Resources.Uram) },
            }
        },
        {
            Ddr, new YamlMappingNode
            {
                { PeakGBPerSecond, YamlOutput.Scalar(platform.Ddr.PeakGBPerSecond) },
                { Efficiency, YamlOutput.Scalar(platform.Ddr.Efficiency) },
            }
        },
        {
            Host, new YamlMappingNode
            {
                { Cpu, YamlOutput.Scalar(platform.Host.Cpu) },
                { Cores, YamlOutput.Scalar(platform.Host.Cores) },
                { ClockGhz, YamlOutput.Scalar(platform.Host.ClockGhz) },
            }
        },
    };
}
