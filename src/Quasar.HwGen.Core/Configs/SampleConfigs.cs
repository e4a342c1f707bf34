using System.Reflection;

namespace Quasar.HwGen.Core.Configs;

/// <summary>
/// The YAML files of samples/configs, embedded in this assembly so tools have defaults wherever they run.
/// A search space <c>x</c> is <c>x.space.yaml</c>, a subnet <c>x.subnet.yaml</c>, a platform <c>x.platform.yaml</c>.
/// </summary>
public static class SampleConfigs
{
    public const string FashionMnist = "fashion-mnist";
    public const string ImageNetTiny = "imagenet-tiny";
    public const string ImageNetSmall = "imagenet-small";
    public const string FashionMnistLargest = "fashion-mnist.largest";
    public const string QuasarSLike = "quasar-s-like";
    public const string QuasarL2Like = "quasar-l2-like";
    public const string Zcu102 = "zcu102";

    private const string ResourcePrefix = "Quasar.HwGen.Core.Configs.Samples.";

    private static readonly Assembly Assembly = typeof(SampleConfigs).Assembly;

    /// <summary>The embedded file names, e.g. <c>fashion-mnist.space.yaml</c>, in ordinal order.</summary>
    public static IReadOnlyList<string> FileNames { get; } =
        [.. Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(name => name[ResourcePrefix.Length..])
            .Order(StringComparer.Ordinal)];

    public static string ReadText(string fileName)
    {
        using var stream = Assembly.GetManifestResourceStream(ResourcePrefix + fileName)
            ?? throw new ArgumentException($"no sample configuration '{fileName}'; the samples are {string.Join(", ", FileNames)}", nameof(fileName));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static SearchSpace LoadSearchSpace(string name) => ConfigLoader.ParseSearchSpace(ReadText(name + ".space.yaml"), Source(name + ".space.yaml"));

    /// <summary>Loads a sample subnet and checks it against the sample search space it names.</summary>
    public static Subnet LoadSubnet(string name)
    {
        var fileName = name + ".subnet.yaml";
        var subnet = ConfigLoader.ParseSubnet(ReadText(fileName), Source(fileName));
        return ConfigLoader.ParseSubnet(ReadText(fileName), Source(fileName), LoadSearchSpace(subnet.SpaceName));
    }

    public static PlatformConfig LoadPlatform(string name) => ConfigLoader.ParsePlatform(ReadText(name + ".platform.yaml"), Source(name + ".platform.yaml"));

    /// <summary>How errors name an embedded file.</summary>
    public static string Source(string fileName) => "embedded:samples/configs/" + fileName;
}
