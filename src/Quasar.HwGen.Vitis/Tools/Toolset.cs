namespace Quasar.HwGen.Vitis.Tools;

/// <summary>The tools found on a search path (null: not found), and the HLS flow they allow.</summary>
public sealed record Toolset(
    ToolSearchPath SearchPath,
    string? Gxx,
    string? GxxVersion,
    string? VitisHls,
    string? VitisRun,
    string? Vpp,
    string? Xclbinutil,
    string? VitisVersion = null)
{
    /// <summary>The first release whose HLS runs through vitis-run and v++ --mode hls (the unified flow).</summary>
    public const string FirstUnifiedRelease = "2024.1";

    /// <summary>
    /// The unified flow when vitis-run and v++ are present and the release (<see cref="VitisVersion"/>) is 2024.1 or
    /// later, or unknown without vitis_hls to fall back on (vitis_hls is deprecated in 2024.2 and gone in 2025.1); else
    /// the classic Tcl flow when vitis_hls is present (2023.2 has vitis-run too, but not yet its HLS mode); else none.
    /// </summary>
    public HlsFlow Flow => VitisRun is not null && Vpp is not null && (VitisHls is null || IsUnifiedRelease(VitisVersion)) ? HlsFlow.Unified
        : VitisHls is not null ? HlsFlow.ClassicTcl
        : HlsFlow.None;

    /// <summary>"2024.1"-style releases compare as strings (four-digit year, one-digit update).</summary>
    public static bool IsUnifiedRelease(string? release) => release is not null && string.CompareOrdinal(release, FirstUnifiedRelease) >= 0;

    /// <summary>The path of <paramref name="tool"/>, or a <see cref="ToolNotFoundException"/> naming where it was looked for.</summary>
    public string Require(string tool)
    {
        var found = tool switch
        {
            ToolNames.Gxx => Gxx,
            ToolNames.VitisHls => VitisHls,
            ToolNames.VitisRun => VitisRun,
            ToolNames.Vpp => Vpp,
            ToolNames.Xclbinutil => Xclbinutil,
            _ => SearchPath.Find(tool),
        };
        return found ?? throw new ToolNotFoundException(tool, SearchPath.Directories, ToolNames.Fix(tool));
    }

    /// <summary>One line per tool: path and version, or "not found".</summary>
    public string Describe()
    {
        static string Line(string name, string? path, string? version = null) =>
            $"{name,-11} {(path is null ? "not found" : version is null ? path : $"{path} ({version})")}";
        return string.Join('\n',
            Line(ToolNames.Gxx, Gxx, GxxVersion),
            Line(ToolNames.VitisHls, VitisHls),
            Line(ToolNames.VitisRun, VitisRun),
            Line(ToolNames.Vpp, Vpp),
            Line(ToolNames.Xclbinutil, Xclbinutil),
            $"{"vitis",-11} {VitisVersion ?? "release unknown"}",
            $"{"hls flow",-11} {Flow}");
    }
}
