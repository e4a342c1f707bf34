using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Quasar.HwGen.Codegen.Engine;
using Quasar.HwGen.Codegen.Golden;
using Quasar.HwGen.Codegen.Model;
using Quasar.HwGen.Codegen.Project;
using Quasar.HwGen.Core.Execution.Kernel;
using Quasar.HwGen.Hardware.Engine;
using Quasar.HwGen.Hardware.Resources;

namespace Quasar.HwGen.Cli.Tests.Support;

/// <summary>
/// Generated-project folders holding only what `quasar calibrate` reads: a quasar-project.json of a given engine,
/// csynth.xml files made from the real fixture tests/fixtures/vitis-reports/gaussian-2020.2/csynth.xml with the part,
/// top, version and resources substituted, and a cosim report (the real Vivado HLS fixture's layout) over golden
/// vectors of given calls.
/// </summary>
internal sealed partial class SyntheticReports : IDisposable
{
    public const string Zcu102Part = "xczu9eg-ffvb1156-2-e";

    private static readonly string Fixtures = Path.Combine(Core.RepositoryLayout.Root, "tests", "fixtures", "vitis-reports");

    private readonly WorkDirectory _work = new();

    public string Root => _work.Path;

    public string File(string name) => _work.File(name);

    /// <summary>A project folder whose manifest says <paramref name="engine"/> on the ZCU102 (or <paramref name="part"/>).</summary>
    public string Project(string name, EngineConfig engine, string part = Zcu102Part)
    {
        var root = Directory.CreateDirectory(_work.File(name)).FullName;
        var manifest = new ProjectManifest(ProjectManifest.FormatName, ProjectManifest.CurrentVersion, "quasar tests", "synthetic", "synthetic", new string('0', 64),
            new ManifestPlatform("zcu102", part, "xilinx_zcu102_base_202420_1", engine.ClockMhz),
            ManifestEngine.From(new EngineChoice(engine, ResourceModel.Estimate(engine).Total, "synthetic")), 1, 0, []);
        System.IO.File.WriteAllBytes(Path.Combine(root, ProjectManifest.FileName), manifest.ToBytes());
        return root;
    }

    /// <summary>Writes the top's csynth.xml where the classic flow does (or the unified one), the fixture's numbers replaced; returns its path.</summary>
    public static string Csynth(string project, ResourceUsage kernel, string part = Zcu102Part, string top = "quasar_gemm", string version = "2024.2", bool unified = false)
    {
        var document = XDocument.Load(Path.Combine(Fixtures, "gaussian-2020.2", "csynth.xml"));
        var root = document.Root!;
        root.Element("ReportVersion")!.Element("Version")!.Value = version;
        var user = root.Element("UserAssignments")!;
        user.Element("Part")!.Value = part;
        user.Element("TopModelName")!.Value = top;
        var resources = root.Element("AreaEstimates")!.Element("Resources")!;
        var ci = CultureInfo.InvariantCulture;
        resources.Element("LUT")!.Value = Math.Round(kernel.Lut).ToString(ci);
        resources.Element("FF")!.Value = Math.Round(kernel.Ff).ToString(ci);
        resources.Element("DSP")!.Value = kernel.Dsp.ToString(ci);
        resources.Element("BRAM_18K")!.Value = kernel.Bram.ToString(ci);
        var folder = Path.Combine(project, unified ? Path.Combine("work", "hls") : Path.Combine("prj", "solution1"), "syn", "report");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "csynth.xml");
        document.Save(path);
        return path;
    }

    /// <summary>
    /// Golden vectors of <paramref name="calls"/> (zero words, laid out for <paramref name="engine"/>) and a passing
    /// cosim report with the given latencies, where the classic flow writes them.
    /// </summary>
    public static void Cosim(string project, EngineConfig engine, IReadOnlyList<KernelWordCall> calls, long min, long average, long max)
    {
        var geometry = new KernelGeometry(engine.TileTokens, engine.TileRows, engine.TileReduction);
        var ops = calls.Select((call, i) =>
        {
            var sizes = KernelWordSizes.Of(call, geometry);
            return new GoldenOp($"op{i}", $"t{i}", GemmOpKind.Linear, call, new UInt128[sizes.WWords], new UInt128[sizes.RowsWords]);
        }).ToList();
        var golden = calls.Select((call, i) =>
        {
            var sizes = KernelWordSizes.Of(call, geometry);
            return new GoldenCall(i, 0, new UInt128[sizes.AWords], [], new UInt128[sizes.OutWords]);
        }).ToList();
        GoldenVectorWriter.WriteFile(Path.Combine(project, TemplateModel.GoldenPath), new GoldenVectors(geometry, ops, golden));
        var report = System.IO.File.ReadAllText(Path.Combine(Fixtures, "mnist-vivado-hls", "c_mnist_cosim.rpt"));
        report = VerilogRow().Replace(report, string.Create(CultureInfo.InvariantCulture, $"|   Verilog|      Pass|{min,15}|{average,15}|{max,15}|"));
        var folder = Path.Combine(project, "prj", "solution1", "sim", "report");
        Directory.CreateDirectory(folder);
        System.IO.File.WriteAllText(Path.Combine(folder, "quasar_gemm_cosim.rpt"), report);
    }

    [GeneratedRegex(@"\|   Verilog\|      Pass\|\s*\d+\|\s*\d+\|\s*\d+\|")]
    private static partial Regex VerilogRow();

    public void Dispose() => _work.Dispose();
}
