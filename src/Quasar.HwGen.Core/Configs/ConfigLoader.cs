using Quasar.HwGen.Core.Configs.Yaml;
using Quasar.HwGen.Core.IO;

namespace Quasar.HwGen.Core.Configs;

/// <summary>
/// Loads search spaces, subnets and platforms from YAML (snake_case keys). Every problem becomes a
/// <see cref="ConfigException"/> whose issues name the file, the line and column, the field path and what is allowed:
/// YAML syntax errors, unknown keys (a typo is never ignored), missing keys, values of the wrong type, and values the
/// validation rules reject. All problems of a kind are reported at once.
/// </summary>
public static class ConfigLoader
{
    public static SearchSpace LoadSearchSpace(string path) => ParseSearchSpace(ReadFile(path), path);

    /// <param name="source">Names the text in error messages, usually its file.</param>
    public static SearchSpace ParseSearchSpace(string yaml, string source) =>
        Parse(yaml, source, SearchSpaceYaml.Read, space => space.FindIssues());

    /// <summary>Loads a subnet; with <paramref name="space"/> it must also be a member of that space.</summary>
    public static Subnet LoadSubnet(string path, SearchSpace? space = null) => ParseSubnet(ReadFile(path), path, space);

    public static Subnet ParseSubnet(string yaml, string source, SearchSpace? space = null) =>
        Parse(yaml, source, SubnetYaml.Read, subnet => space is null ? subnet.FindIssues() : subnet.FindIssues(space));

    public static PlatformConfig LoadPlatform(string path) => ParsePlatform(ReadFile(path), path);

    public static PlatformConfig ParsePlatform(string yaml, string source) =>
        Parse(yaml, source, PlatformYaml.Read, platform => platform.FindIssues());

    /// <summary>Loads a sweep file (docs/sweep.md); its relative paths are taken from its folder.</summary>
    public static SweepConfig LoadSweep(string path)
    {
        var yaml = ReadFile(path);
        var context = new ReadContext(path);
        var value = SweepYaml.Read(MappingReader.Root(RootParser.Parse(yaml, path), context), context);
        context.ThrowIfAny();
        return value;
    }

    /// <summary>
    /// Loads a calibration file (docs/calibration.md). <paramref name="rules"/> adds the checks of the model it is for
    /// (known constant names, their ranges), located in the file like the file's own.
    /// </summary>
    public static CalibrationFile LoadCalibration(string path, Func<CalibrationFile, IReadOnlyList<ConfigIssue>>? rules = null) =>
        ParseCalibration(ReadFile(path), path, rules);

    public static CalibrationFile ParseCalibration(string yaml, string source, Func<CalibrationFile, IReadOnlyList<ConfigIssue>>? rules = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(source);
        var context = new ReadContext(source);
        var value = CalibrationYaml.Read(MappingReader.Root(RootParser.Parse(yaml, source), context), context);
        context.ThrowIfAny();
        var issues = value.FindIssues().Concat(rules?.Invoke(value) ?? []).ToList();
        if (issues.Count > 0) throw ReadContext.Sorted(issues.Select(context.Locate));
        return value;
    }

    private static string ReadFile(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: configuration file not found", path);
        return BoundedFile.ReadAllText(path, BoundedFile.ConfigCap);
    }

    private static T Parse<T>(string yaml, string source, Func<MappingReader, T> read, Func<T, IReadOnlyList<ConfigIssue>> check)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(source);
        var context = new ReadContext(source);
        var value = read(MappingReader.Root(RootParser.Parse(yaml, source), context));
        context.ThrowIfAny();
        var issues = check(value);
        if (issues.Count > 0) throw ReadContext.Sorted(issues.Select(context.Locate));
        return value;
    }
}
