using Quasar.HwGen.Core.Configs.Yaml;
using Quasar.HwGen.Core.IO;

namespace Quasar.HwGen.Core.Configs;

/// <summary>
/// Writes configurations as YAML that <see cref="ConfigLoader"/> reads back equal (doubles in round-trip form).
/// Files are replaced atomically. A configuration its own rules reject is refused, never written.
/// </summary>
public static class ConfigWriter
{
    public static string ToYaml(SearchSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        space.Validate();
        return YamlOutput.Write(SearchSpaceYaml.Write(space), [$"Search space '{space.Name}': {space.TokenCount} tokens per image."]);
    }

    /// <summary>The subnet's YAML; with its <paramref name="space"/>, checked against it and headed by its cost.</summary>
    public static string ToYaml(Subnet subnet, SearchSpace? space = null)
    {
        ArgumentNullException.ThrowIfNull(subnet);
        if (space is null)
        {
            subnet.Validate();
            return YamlOutput.Write(SubnetYaml.Write(subnet), [$"Subnet of the search space '{subnet.SpaceName}'."]);
        }
        subnet.Validate(space);
        return YamlOutput.Write(SubnetYaml.Write(subnet), [$"Subnet of the search space '{subnet.SpaceName}': {subnet.Summary(space)}."]);
    }

    public static string ToYaml(PlatformConfig platform)
    {
        ArgumentNullException.ThrowIfNull(platform);
        platform.Validate();
        return YamlOutput.Write(PlatformYaml.Write(platform), [$"Platform '{platform.Name}' ({platform.Part})."]);
    }

    public static void Save(string path, SearchSpace space) => AtomicFile.WriteAllText(path, ToYaml(space));

    public static void Save(string path, Subnet subnet, SearchSpace? space = null) => AtomicFile.WriteAllText(path, ToYaml(subnet, space));

    public static void Save(string path, PlatformConfig platform) => AtomicFile.WriteAllText(path, ToYaml(platform));

    public static string ToYaml(CalibrationFile calibration)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        calibration.Validate();
        return YamlOutput.Write(CalibrationYaml.Write(calibration),
            [$"Hardware-model calibration of {calibration.TopFunction} on {calibration.Part}, written by quasar calibrate (docs/calibration.md)."]);
    }
}
