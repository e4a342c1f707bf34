namespace Quasar.HwGen.Vitis.Tools;

/// <summary>The tools found on a search path (null: not found), and the HLS flow they allow.</summary>
public sealed record Toolset(
    ToolSearchPath SearchPath,
    string? Gxx,
    string? GxxVersion,
    string? VitisHls,
    string? VitisRun,
    string? Vpp,
    string? Xclbinutil)
{
    /// <summary>
    /// The unified flow when both vitis-run and v++ are present (2024.x; vitis_hls is deprecated there and gone in
    /// 2025.1), else the classic Tcl flow when vitis_hls is, else none.
    /// </summary>
    public HlsFlow Flow => VitisRun is not null && Vpp is not null ? HlsFlow.Unified
        : VitisHls is not null ? HlsFlow.ClassicTcl
        : HlsFlow.None;

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
            $"{"hls flow",-11} {Flow}");
    }
}
