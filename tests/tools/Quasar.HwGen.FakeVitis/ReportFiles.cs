namespace Quasar.HwGen.FakeVitis;

/// <summary>
/// Writes the real fixture reports where the tool writes them, with the fixture's top and part replaced by the
/// project's (as a run of this project would name them). Vivado HLS releases get the Vivado HLS reports (DSP48E tag),
/// later ones the Vitis HLS 2020.2 reports; a project's own <see cref="OwnCsynthName"/> replaces the csynth fixture.
/// </summary>
internal static class ReportFiles
{
    /// <summary>A csynth.xml in the project (both flows' solution folder is two levels below it) that replaces the fixture, for figures a test chose.</summary>
    public const string OwnCsynthName = "quasar-fake-vitis.csynth.xml";

    public static void Csynth(FakeScenario scenario, HlsLayout layout)
    {
        var own = Path.GetFullPath(Path.Combine(layout.Solution, "..", "..", OwnCsynthName));
        if (File.Exists(own))
        {
            var folder = Path.Combine(layout.Solution, "syn", "report");
            Directory.CreateDirectory(folder);
            File.Copy(own, Path.Combine(folder, "csynth.xml"), overwrite: true);
            File.Copy(own, Path.Combine(folder, $"{layout.Top}_csynth.xml"), overwrite: true);
            return;
        }
        var (fixtureFolder, fixtureTop) = scenario.IsVivadoHls ? ("mnist-vivado-hls", "c_mnist") : ("gaussian-2020.2", "gaussian");
        var report = Path.Combine(layout.Solution, "syn", "report");
        Copy(scenario, fixtureFolder, "csynth.xml", Path.Combine(report, "csynth.xml"), fixtureTop, layout);
        Copy(scenario, fixtureFolder, $"{fixtureTop}_csynth.xml", Path.Combine(report, $"{layout.Top}_csynth.xml"), fixtureTop, layout);
    }

    public static void Cosim(FakeScenario scenario, HlsLayout layout)
    {
        var report = Path.Combine(layout.Solution, "sim", "report");
        Copy(scenario, "mnist-vivado-hls", "c_mnist_cosim.rpt", Path.Combine(report, $"{layout.Top}_cosim.rpt"), "c_mnist", layout);
        Copy(scenario, "mnist-vivado-hls", "lat.rpt", Path.Combine(report, "verilog", "lat.rpt"), "c_mnist", layout);
    }

    /// <summary>
    /// What Vivado leaves after a link's implementation, in v++'s copies under the temp dir: the routed utilization and
    /// timing summary of a ZCU102 design (hand-built in the 2023.2 layout); timing not met on request.
    /// </summary>
    public static void Implementation(FakeScenario scenario, string temporaryDirectory)
    {
        var folder = Path.Combine(temporaryDirectory, "reports", "link", "imp");
        Directory.CreateDirectory(folder);
        var shape = Path.Combine(scenario.Fixtures, "hand-built", "vivado-2023.2-zynquplus");
        var timing = scenario.Mode == FakeMode.TimingNotMet ? Path.Combine(scenario.Fixtures, "hand-built", "vivado-2021.2-zynquplus") : shape;
        const string utilization = "impl_1_full_util_routed.rpt", timingSummary = "impl_1_xilinx_zcu102_base_wrapper_timing_summary_routed.rpt";
        // Written now, as Vivado would: the driver ignores reports older than the link.
        File.WriteAllText(Path.Combine(folder, utilization), File.ReadAllText(Path.Combine(shape, utilization)));
        File.WriteAllText(Path.Combine(folder, timingSummary), File.ReadAllText(Path.Combine(timing, timingSummary)));
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
