namespace Quasar.HwGen.Vitis.Vpp;

/// <summary>
/// Where the v++ steps put their outputs in a generated project, the same places as its Makefile:
/// <c>build/&lt;target&gt;/quasar_gemm.xclbin</c> with its engine record beside it, the SD card's files in
/// <c>build/&lt;target&gt;/sd_card/</c> and v++'s package in <c>build/&lt;target&gt;/package/</c>.
/// </summary>
public sealed record BuildLayout(string ProjectRoot, string Target, string Top = BuildLayout.DefaultTop)
{
    public const string DefaultTop = "quasar_gemm";

    public string Folder => Path.Combine(ProjectRoot, "build", Target);

    public string Xclbin => Path.Combine(Folder, Top + ".xclbin");

    /// <summary>The engine record beside the xclbin, which quasar-run checks a model against (a v++ xclbin carries none).</summary>
    public string EngineRecord => Path.Combine(Folder, Top + ".engine");

    /// <summary>The generator's engine record of the project (vpp/quasar_gemm.engine).</summary>
    public string ProjectEngineRecord => Path.Combine(ProjectRoot, "vpp", Top + ".engine");

    public string SdCardFolder => Path.Combine(Folder, "sd_card");

    public string PackageFolder => Path.Combine(Folder, "package");

    public string SdCardImage => Path.Combine(PackageFolder, "sd_card.img");
}
