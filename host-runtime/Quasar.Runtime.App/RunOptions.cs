namespace Quasar.Runtime.App;

/// <summary>
/// One `quasar-run` invocation, after the command line, the environment and appsettings.json are merged and checked
/// (<see cref="RunSettings"/>): the IR package, where the images come from (an image folder, an IDX file, or
/// <see cref="Random"/> generated ones), where the logits go, and the backend that runs the FPGA ops.
/// </summary>
/// <param name="Count">With <see cref="Idx"/> or <see cref="Images"/>: the first N images (default all).</param>
/// <param name="Frames">Frames in flight: with 2, the host ops of one frame overlap the accelerator work of the other.</param>
public sealed record RunOptions(string Package, string? Idx, string? Labels, int? Random, ulong Seed, int? Count, string? Logits)
{
    public string? Images { get; init; }

    public Backend Backend { get; init; } = Backend.Emu;

    public string? Xclbin { get; init; }

    /// <summary>The XRT library; null: the default of the backend (<see cref="BackendFactory"/>).</summary>
    public string? XrtLibrary { get; init; }

    public int Frames { get; init; } = 2;
}

/// <summary>What runs the FPGA ops.</summary>
public enum Backend
{
    /// <summary>The C# emulation of the engine.</summary>
    Emu,

    /// <summary>XRT's C API on the project's software device (the generated kernel compiled by g++).</summary>
    SwEmu,

    /// <summary>XRT on a board: the xclbin's kernel on the FPGA.</summary>
    Xrt,
}
