namespace Quasar.HwGen.FakeVitis;

/// <summary>
/// Where an HLS run writes its reports and kernel object, and the part and top it was configured with: the classic
/// Tcl flow under <c>prj/solution1</c> (part and top from the generated script), the unified flow under
/// <c>&lt;work_dir&gt;/hls</c> (from hls_config.cfg).
/// </summary>
internal sealed record HlsLayout(string Solution, string KernelObjectFolder, string Part, string Top)
{
    public static HlsLayout Classic(ToolCall call)
    {
        var script = File.ReadAllLines(Path.Combine(call.WorkingDirectory, call.Arguments[1]));
        return new HlsLayout(Path.Combine(call.WorkingDirectory, "prj", "solution1"), call.WorkingDirectory,
            Setting(script, "set quasar_part ").Trim('"'), Setting(script, "set quasar_top "));
    }

    public static HlsLayout Unified(ToolCall call)
    {
        var config = File.ReadAllLines(Path.Combine(call.WorkingDirectory, call.Value("--config")));
        var work = Path.Combine(call.WorkingDirectory, call.Value("--work_dir"));
        return new HlsLayout(Path.Combine(work, "hls"), work, Setting(config, "part="), Setting(config, "syn.top="));
    }

    private static string Setting(string[] lines, string prefix) =>
        lines.FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))?[prefix.Length..].Trim()
        ?? throw new FakeUsageException($"no '{prefix.Trim()}' line in the project's script or config");
}
