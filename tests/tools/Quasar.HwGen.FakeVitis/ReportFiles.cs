namespace Quasar.HwGen.FakeVitis;

/// <summary>
/// Writes the real fixture reports where the tool writes them, with the fixture's top and part replaced by the
/// project's (as a run of this project would name them). Vivado HLS releases get the Vivado HLS reports (DSP48E tag),
/// later ones the Vitis HLS 2020.2 reports.
/// </summary>
internal static class ReportFiles
{
    public static void Csynth(FakeScenario scenario, HlsLayout layout)
    {
        var (folder, fixtureTop) = scenario.IsVivadoHls ? ("mnist-vivado-hls", "c_mnist") : ("gaussian-2020.2", "gaussian");
        var report = Path.Combine(layout.Solution, "syn", "report");
        Copy(scenario, folder, "csynth.xml", Path.Combine(report, "csynth.xml"), fixtureTop, layout);
        Copy(scenario, folder, $"{fixtureTop}_csynth.xml", Path.Combine(report, $"{layout.Top}_csynth.xml"), fixtureTop, layout);
    }

    public static void Cosim(FakeScenario scenario, HlsLayout layout)
    {
        var report = Path.Combine(layout.Solution, "sim", "report");
        Copy(scenario, "mnist-vivado-hls", "c_mnist_cosim.rpt", Path.Combine(report, $"{layout.Top}_cosim.rpt"), "c_mnist", layout);
        Copy(scenario, "mnist-vivado-hls", "lat.rpt", Path.Combine(report, "verilog", "lat.rpt"), "c_mnist", layout);
    }

    /// <summary>A kernel object: a zip archive in real life; its content is never read here.</summary>
    public static void KernelObject(string path) => WriteText(path, ["PK fake kernel object"]);

    public static void WriteText(string path, IEnumerable<string> lines)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllLines(path, lines);
    }

    private static void Copy(FakeScenario scenario, string folder, string file, string target, string fixtureTop, HlsLayout layout)
    {
        var text = File.ReadAllText(Path.Combine(scenario.Fixtures, folder, file));
        var part = text.Contains("<Part>", StringComparison.Ordinal) ? Between(text, "<Part>", "</Part>") : null;
        text = text.Replace($"<TopModelName>{fixtureTop}</TopModelName>", $"<TopModelName>{layout.Top}</TopModelName>", StringComparison.Ordinal);
        if (part is not null) text = text.Replace($"<Part>{part}</Part>", $"<Part>{layout.Part}</Part>", StringComparison.Ordinal);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllText(target, text);
    }

    private static string Between(string text, string open, string close)
    {
        int start = text.IndexOf(open, StringComparison.Ordinal) + open.Length;
        return text[start..text.IndexOf(close, start, StringComparison.Ordinal)];
    }
}
