namespace Quasar.HwGen.Vitis.Vpp;

/// <summary>
/// What goes on the ZCU102's SD card (its FAT partition, mounted on the board at /run/media/mmcblk0p1 or
/// /media/sd-mmcblk0p1): the xclbin and its engine record, the board application published for linux-arm64, the
/// model's IR package, xrt.ini, a run script and a README naming each file.
/// </summary>
/// <param name="Xclbin">The linked xclbin (build/&lt;target&gt;/quasar_gemm.xclbin).</param>
/// <param name="EngineRecord">Its engine record, or null for a project generated before records existed.</param>
/// <param name="Application">The folder of the self-contained linux-arm64 quasar-run.</param>
/// <param name="IrPackage">The IR package folder (manifest.json, graph.json, weights.bin).</param>
public sealed record SdCardContents(string Xclbin, string? EngineRecord, string Application, string IrPackage)
{
    public const string ApplicationFolder = "quasar-run";
    public const string ApplicationExecutable = "quasar-run";
    public const string ModelFolder = "model";
    public const string XrtIni = "xrt.ini";
    public const string RunScript = "run.sh";
    public const string Readme = "README.txt";

    /// <summary>The top-level files of the card, by name (v++ -p takes them as --package.sd_file).</summary>
    public IReadOnlyList<string> TopLevelFiles => [Path.GetFileName(Xclbin), .. EngineRecord is null ? Array.Empty<string>() : [Path.GetFileName(EngineRecord)], XrtIni, RunScript, Readme];

    /// <summary>The card's folders (v++ -p takes them as --package.sd_dir).</summary>
    public static IReadOnlyList<string> Folders { get; } = [ApplicationFolder, ModelFolder];
}
