namespace Quasar.HwGen.Vitis.Tools;

/// <summary>A required tool is on none of the searched directories; the message names the tool, where it looked and the fix.</summary>
public sealed class ToolNotFoundException(string tool, IReadOnlyList<string> searched, string fix)
    : ToolException($"{tool} not found (searched PATH, $XILINX_VITIS/bin, $XILINX_HLS/bin: {Describe(searched)}); fix: {fix}")
{
    public string Tool { get; } = tool;

    public IReadOnlyList<string> Searched { get; } = searched;

    public string Fix { get; } = fix;

    private static string Describe(IReadOnlyList<string> searched) =>
        searched.Count == 0 ? "no directories" : string.Join(Path.PathSeparator, searched);
}
