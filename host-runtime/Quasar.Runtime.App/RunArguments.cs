using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Quasar.Runtime.App;

/// <summary>
/// The command line of `quasar-run`: parsing and the checks one value allows. Every option is also a setting
/// (<see cref="RunSettings"/>), so the parser hands on only what was given, as configuration keys that override
/// appsettings.json and the environment; the merged whole is checked after.
/// </summary>
internal static class RunArguments
{
    public const string VerboseOption = "--verbose";

    /// <summary>What the command line said: configuration overrides (<c>Run:Key</c>), a settings file, and --verbose.</summary>
    public sealed record Given(IReadOnlyDictionary<string, string?> Overrides, string? SettingsFile, bool Verbose);

    public static RootCommand Create(Func<Given, int> run)
    {
        var settings = new Option<FileInfo?>("--settings") { HelpName = "file", Description = "Settings file (JSON, section Run) read instead of the appsettings.json next to quasar-run" };
        (Option Option, string Key)[] keyed =
        [
            (new Option<DirectoryInfo>("--package") { HelpName = "dir", Description = "IR package directory (from `quasar lower`)" }, "Package"),
            (new Option<DirectoryInfo>("--images") { HelpName = "folder", Description = "Folder of PNG/PGM/PPM images, or of class subfolders 0, 1, … (then prints the top-1 accuracy)" }, "Images"),
            (new Option<FileInfo>("--idx") { HelpName = "file", Description = "IDX images file (N×H×W or N×C×H×W bytes, raw or gzip)" }, "Idx"),
            (new Option<FileInfo>("--labels") { HelpName = "file", Description = "IDX labels file for --idx: prints the top-1 accuracy" }, "Labels"),
            (AtLeastOne(new Option<int>("--count") { HelpName = "N", Description = "With --idx or --images: run only the first N images (default: all)" }), "Count"),
            (AtLeastOne(new Option<int>("--random") { HelpName = "N", Description = "Run N random images (deterministic: SplitMix64 from --seed)" }), "Random"),
            (new Option<ulong>("--seed") { HelpName = "S", Description = "Seed of the --random images (default 1)" }, "Seed"),
            (new Option<FileInfo>("--logits") { HelpName = "file", Description = "Write the logits here: float32 little-endian, [images × classes]" }, "Logits"),
            (new Option<string>("--backend") { HelpName = "emu|sw-emu|xrt", Description = "What runs the FPGA ops: the C# emulation (default), the project's software device, or XRT on a board" }, "Backend"),
            (new Option<FileInfo>("--xclbin") { HelpName = "file", Description = "The xclbin for sw-emu or xrt (`quasar sw-emu <project>` writes the sw-emu one)" }, "Xclbin"),
            (new Option<string>("--xrt-library") { HelpName = "path", Description = "XRT library (default: libxrt_coreutil.so.2 for xrt; for sw-emu the libquasar_xrt_swemu.so next to the xclbin)" }, "XrtLibrary"),
            (AtLeastOne(new Option<int>("--frames") { HelpName = "N", Description = "Frames in flight (default 2: host ops of one frame overlap the accelerator work of the other)" }), "Frames"),
        ];
        var verbose = new Option<bool>(VerboseOption) { Description = "On an error, also print its stack trace" };
        var root = new RootCommand("quasar-run: run an IR package on images, on the C# emulation of the engine, the sw-emu device or XRT")
        {
            settings, verbose,
        };
        foreach (var (option, _) in keyed) root.Options.Add(option);
        root.SetAction(parse =>
        {
            var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var (option, key) in keyed)
            {
                if (parse.GetResult(option) is { Implicit: false } given) overrides[$"{RunSettings.Section}:{key}"] = Text(given);
            }
            ReplaceGroups(overrides);
            return run(new Given(overrides, parse.GetValue(settings)?.FullName, parse.GetValue(verbose)));
        });
        return root;
    }

    /// <summary>
    /// Images named on the command line replace those of the settings as a whole (with their labels, count and seed),
    /// and <c>--backend emu</c> drops a configured xclbin: an empty value unsets a key.
    /// </summary>
    private static void ReplaceGroups(Dictionary<string, string?> overrides)
    {
        static string Key(string name) => $"{RunSettings.Section}:{name}";
        if (new[] { "Images", "Idx", "Random" }.Any(name => overrides.ContainsKey(Key(name))))
        {
            foreach (var name in new[] { "Images", "Idx", "Random", "Labels", "Count", "Seed" }) overrides.TryAdd(Key(name), "");
        }
        if (overrides.TryGetValue(Key("Backend"), out var backend) && string.Equals(backend, "emu", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var name in new[] { "Xclbin", "XrtLibrary" }) overrides.TryAdd(Key(name), "");
        }
    }

    /// <summary>The option's value as configuration text (paths made absolute against the current directory).</summary>
    private static string? Text(OptionResult result) => result.GetValueOrDefault<object?>() switch
    {
        FileSystemInfo path => path.FullName,
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        var other => other?.ToString(),
    };

    private static Option<int> AtLeastOne(Option<int> option)
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1 && int.TryParse(result.Tokens[0].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value < 1)
                result.AddError($"{option.Name} {value}: give a number of at least 1");
        });
        return option;
    }
}
