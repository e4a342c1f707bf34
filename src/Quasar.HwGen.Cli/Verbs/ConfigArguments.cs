using Quasar.HwGen.Core.Configs;

namespace Quasar.HwGen.Cli.Verbs;

/// <summary>Config options accept a YAML path, or the name of a shipped sample (e.g. "fashion-mnist").</summary>
internal static class ConfigArguments
{
    public static SearchSpace Space(string pathOrSample) =>
        File.Exists(pathOrSample) ? ConfigLoader.LoadSearchSpace(pathOrSample) : SampleConfigs.LoadSearchSpace(Known(pathOrSample, ".space.yaml"));

    /// <summary>A subnet file, or a sample subnet; its search space comes from <paramref name="spaceOverride"/> or the subnet's own space name.</summary>
    public static (Subnet Subnet, SearchSpace Space) Subnet(string pathOrSample, string? spaceOverride)
    {
        if (!File.Exists(pathOrSample))
        {
            var sample = SampleConfigs.LoadSubnet(Known(pathOrSample, ".subnet.yaml"));
            return (sample, Space(spaceOverride ?? sample.SpaceName));
        }
        var unchecked_ = ConfigLoader.LoadSubnet(pathOrSample);
        var space = Space(spaceOverride ?? unchecked_.SpaceName);
        return (ConfigLoader.LoadSubnet(pathOrSample, space), space);
    }

    public static PlatformConfig Platform(string pathOrSample) =>
        File.Exists(pathOrSample) ? ConfigLoader.LoadPlatform(pathOrSample) : SampleConfigs.LoadPlatform(Known(pathOrSample, ".platform.yaml"));

    private static string Known(string name, string suffix)
    {
        if (SampleConfigs.FileNames.Contains(name + suffix, StringComparer.Ordinal)) return name;
        var samples = SampleConfigs.FileNames.Where(f => f.EndsWith(suffix, StringComparison.Ordinal)).Select(f => f[..^suffix.Length]);
        throw new FileNotFoundException($"'{name}' is neither a file nor a shipped sample; samples: {string.Join(", ", samples)}", name);
    }
}
