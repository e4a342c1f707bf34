using System.Globalization;

namespace Quasar.Runtime.App;

/// <summary>
/// The settings of a run as configuration holds them: section <c>Run</c> of appsettings.json (next to the application,
/// or the file of <c>--settings</c>), then environment variables <c>QUASAR_Run__&lt;Key&gt;</c>, then the command line;
/// a later source wins. <see cref="ToOptions"/> checks the merged whole, so a setting from any source gets the same
/// one-line message, in the command line's words.
/// </summary>
internal sealed class RunSettings
{
    public const string Section = "Run";

    public string? Package { get; set; }

    public string? Images { get; set; }

    public string? Idx { get; set; }

    public string? Labels { get; set; }

    public int? Count { get; set; }

    public int? Random { get; set; }

    public ulong? Seed { get; set; }

    public string? Logits { get; set; }

    public string? Backend { get; set; }

    public string? Xclbin { get; set; }

    public string? XrtLibrary { get; set; }

    public int? Frames { get; set; }

    public RunOptions ToOptions()
    {
        // An empty value unsets a key (the command line's way to replace what a settings file says).
        (Package, Images, Idx, Labels, Logits, Backend, Xclbin, XrtLibrary) =
            (Unset(Package), Unset(Images), Unset(Idx), Unset(Labels), Unset(Logits), Unset(Backend), Unset(Xclbin), Unset(XrtLibrary));
        if (Package is null)
            throw new UsageException("give the IR package: --package <dir> (or Run:Package in appsettings.json, QUASAR_Run__Package in the environment)");
        int sources = (Images is null ? 0 : 1) + (Idx is null ? 0 : 1) + (Random is null ? 0 : 1);
        if (sources != 1) throw new UsageException("give the images: either --images <folder>, --idx <file> or --random <N>");
        if (Labels is not null && Idx is null) throw new UsageException("--labels needs --idx (the images they label); an image folder labels by class subfolders");
        if (Count is not null && Random is not null) throw new UsageException("--count applies to --idx and --images; --random N already says how many");
        if (Seed is not null && Random is null) throw new UsageException("--seed applies to --random only");
        AtLeastOne("--count", Count);
        AtLeastOne("--random", Random);
        AtLeastOne("--frames", Frames);
        var backend = ParseBackend(Backend);
        if (backend == App.Backend.Emu && (Xclbin is not null || XrtLibrary is not null))
            throw new UsageException($"{(Xclbin is not null ? "--xclbin" : "--xrt-library")} applies to --backend sw-emu or xrt; the emu backend needs no device");
        if (backend != App.Backend.Emu && Xclbin is null)
        {
            throw new UsageException(backend == App.Backend.SwEmu
                ? "--backend sw-emu needs --xclbin <file>: `quasar sw-emu <project>` writes <project>/sw_emu/<rid>/quasar_gemm.sw_emu.xclbin"
                : "--backend xrt needs --xclbin <file>: the xclbin built for this model's project");
        }
        return new RunOptions(Path.GetFullPath(Package), Full(Idx), Full(Labels), Random, Seed ?? 1, Count, Full(Logits))
        {
            Images = Full(Images),
            Backend = backend,
            Xclbin = Full(Xclbin),
            XrtLibrary = XrtLibrary,
            Frames = Frames ?? 2,
        };
    }

    private static string? Unset(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string? Full(string? path) => path is null ? null : Path.GetFullPath(path);

    private static Backend ParseBackend(string? name) => name?.ToLowerInvariant() switch
    {
        null or "emu" => App.Backend.Emu,
        "sw-emu" or "sw_emu" => App.Backend.SwEmu,
        "xrt" => App.Backend.Xrt,
        _ => throw new UsageException($"--backend {name}: give emu (the C# emulation), sw-emu (the project's software device) or xrt (a board)"),
    };

    private static void AtLeastOne(string option, int? value)
    {
        if (value < 1) throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{option} {value}: give a number of at least 1"));
    }
}
