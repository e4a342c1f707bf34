using System.Globalization;
using System.Text;

namespace Quasar.HwGen.Cli.Verbs.RunReport;

/// <summary>The short table the terminal gets at the end of a run: one row per chosen subnet, as the page's first table.</summary>
internal static class RunSummary
{
    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;

    public static readonly string[] Backends = ["emu", "g++ csim", "sw-emu", "arm64"];

    public static readonly string[] Header =
        ["subnet", "target FPS", "model FPS", "ms/frame", "val top-1", "fake-quant", "integer", "test images", .. Backends];

    public static string Status(RunSubnet subnet, string backend) =>
        subnet.Backends.FirstOrDefault(b => b.Backend == backend)?.Status ?? RunBackend.NotRun;

    public static string Format(RunRecord run)
    {
        var rows = run.Subnets.Select(s => (string[])
        [
            s.Name, s.TargetFps.ToString("0", Ci), s.EstimatedFps.ToString("0.0", Ci), s.LatencyMs.ToString("0.000", Ci),
            s.ValidationAccuracy.ToString("0.0%", Ci), s.FakeQuantAccuracy.ToString("0.0%", Ci), s.IntegerAccuracy.ToString("0.0%", Ci),
            s.TestImages.ToString(Ci), .. Backends.Select(b => Status(s, b)),
        ]).Prepend(Header).ToList();
        var widths = Enumerable.Range(0, Header.Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        var text = new StringBuilder();
        text.AppendLine(string.Create(Ci, $"{run.Board} ({run.Part}) at {run.ClockMhz:0.#} MHz, engine {run.Engine}"));
        foreach (var row in rows)
            text.AppendLine(string.Join("  ", row.Select((cell, i) => i == 0 || i >= 8 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]))).TrimEnd());
        var binds = run.Resources.FirstOrDefault(r => r.Binds);
        if (binds is not null) text.AppendLine(string.Create(Ci, $"resources: {binds.Kind} binds the engine's sizing: {binds.Used:N0} of a {binds.Budget:N0} budget ({binds.Used / binds.Budget:0.0%}), {binds.Used / binds.Device:0.0%} of the device"));
        return text.ToString();
    }
}
