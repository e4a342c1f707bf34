using System.Globalization;
using Quasar.HwGen.Codegen.Golden;
using Quasar.HwGen.Codegen.Model;
using Quasar.HwGen.Codegen.Project;
using Quasar.HwGen.Hardware.Calibration;
using Quasar.HwGen.Vitis.Hls;
using Quasar.HwGen.Vitis.Reports;

namespace Quasar.HwGen.Cli.Verbs;

/// <summary>
/// Finds the reports `quasar calibrate` and `quasar report` are given: a project folder stands for the reports Vitis left in it (classic
/// <c>prj/solution1/…</c>, unified <c>work/hls/…</c>: <c>syn/report/</c> for csynth (XML, else the text report), <c>sim/report/quasar_gemm_cosim.rpt</c>
/// or <c>sim/report/verilog/lat.rpt</c> for cosim); a report file belongs to the project folder above it, or to
/// <c>--project</c>. Reports of another top function than quasar_gemm, of another part than the project's platform,
/// or of several parts are refused (InvalidDataException: exit 3).
/// </summary>
internal static class CalibrationReports
{
    private static readonly string[] Solutions = [Path.Combine("prj", "solution1"), Path.Combine("work", "hls")];

    private static readonly string CosimReportName = HlsReportGate.TopFunction + "_cosim.rpt";

    private const string LatencyReportName = "lat.rpt";

    private static readonly string CsynthTextReportName = HlsReportGate.TopFunction + "_csynth.rpt";

    public static IReadOnlyList<ProjectReports> Find(IReadOnlyList<string> inputs, string? project)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var byRoot = new Dictionary<string, ProjectReports>(StringComparer.Ordinal);
        foreach (var input in inputs.Select(Path.GetFullPath))
        {
            if (Directory.Exists(input))
            {
                var root = ProjectRootAbove(input) ?? throw new InvalidDataException(
                    $"{input}: no {ProjectManifest.FileName} here or above; give a generated project's folder, or report files with --project");
                var found = FromProject(root);
                Merge(byRoot, found);
            }
            else if (File.Exists(input))
            {
                var root = ProjectRootAbove(Path.GetDirectoryName(input)!) ?? (project is null ? null : ProjectRoot(Path.GetFullPath(project)))
                    ?? throw new InvalidDataException($"{input}: not inside a generated project; give the project it is of with --project");
                Merge(byRoot, FromFile(Open(root), input));
            }
            else
            {
                throw new FileNotFoundException($"{input}: no such report file or project folder", input);
            }
        }
        var projects = byRoot.Values.OrderBy(p => p.Root, StringComparer.Ordinal).ToList();
        var parts = projects.Select(p => p.Manifest.Platform.Part).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (parts.Count > 1)
            throw new InvalidDataException($"the reports are of {parts.Count} parts ({string.Join(", ", parts)}): the model's constants differ by part; calibrate one part at a time");
        return projects;
    }

    private static ProjectReports Open(string root) =>
        new(root, ProjectManifest.Read(Path.Combine(root, ProjectManifest.FileName)), null, null, null, null);

    private static ProjectReports FromProject(string root)
    {
        var reports = Open(root);
        foreach (var solution in Solutions.Select(s => Path.Combine(root, s)))
        {
            var synthesis = Path.Combine(solution, "syn", "report");
            // The locator falls back to the text report when no XML is the top's, so either kind of file means a synthesis ran.
            if (reports.Csynth is null && Directory.Exists(synthesis)
                && (Directory.EnumerateFiles(synthesis, "*.xml").Any() || File.Exists(Path.Combine(synthesis, CsynthTextReportName))))
            {
                var csynth = CsynthReportLocator.FindTop(synthesis, HlsReportGate.TopFunction);
                reports = Checked(reports with { Csynth = csynth, CsynthPath = synthesis }, csynth, synthesis);
            }
            var cosim = Path.Combine(solution, "sim", "report", CosimReportName);
            var latency = Path.Combine(solution, "sim", "report", "verilog", LatencyReportName);
            if (reports.Cosim is null && (File.Exists(cosim) || File.Exists(latency)))
                reports = FromFile(reports, File.Exists(cosim) ? cosim : latency);
        }
        return reports.Csynth is null && reports.Cosim is null
            ? throw new InvalidDataException($"{root}: no csynth or cosim report under prj/solution1/ or work/hls/; run quasar synth (and quasar cosim) first")
            : reports;
    }

    private static ProjectReports FromFile(ProjectReports reports, string path)
    {
        var name = Path.GetFileName(path);
        if (name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
        {
            var csynth = CsynthReportParser.Load(path);
            return Checked(reports with { Csynth = csynth, CsynthPath = path }, csynth, path);
        }
        if (name.EndsWith("_csynth.rpt", StringComparison.Ordinal))
        {
            var csynth = CsynthTextReportParser.Load(path);
            return Checked(reports with { Csynth = csynth, CsynthPath = path }, csynth, path);
        }
        if (name.EndsWith("_cosim.rpt", StringComparison.Ordinal))
        {
            if (name != CosimReportName)
                throw new InvalidDataException($"{path}: a cosim report of '{name[..^"_cosim.rpt".Length]}', not of {HlsReportGate.TopFunction} (the top function of every generated project); use a generated project's reports");
            var row = CosimReportParser.Load(path).Rows.FirstOrDefault(r => r.Ran)
                ?? throw new InvalidDataException($"{path}: no RTL was simulated; run quasar cosim first");
            if (!row.Passed) throw new InvalidDataException($"{path}: the {row.Rtl} cosimulation shows {row.Status}; use a passing run");
            if (row.LatencyAverage is not long average) throw new InvalidDataException($"{path}: the {row.Rtl} row has no average latency (NA)");
            return reports with { Cosim = Latency(reports, average, row.LatencyMin, row.LatencyMax, path), CosimPath = path };
        }
        if (name == LatencyReportName)
        {
            var latency = LatencyReportParser.Load(path);
            if (latency.AverageLatency is not long average) throw new InvalidDataException($"{path}: no $AVER_LATENCY; is the cosimulation complete?");
            return reports with { Cosim = Latency(reports, average, latency.MinLatency, latency.MaxLatency, path), CosimPath = path };
        }
        throw new InvalidDataException($"{path}: not a report quasar reads (a csynth .xml, {CsynthTextReportName}, {CosimReportName} or {LatencyReportName})");
    }

    /// <summary>Cosim ran the project's golden calls: their scalars, held to the engine they were laid out for.</summary>
    private static ReportedLatency Latency(ProjectReports reports, long average, long? min, long? max, string source)
    {
        if (average <= 0) throw new InvalidDataException($"{source}: an average latency of {average} cycles; is the cosimulation complete?");
        var golden = Path.Combine(reports.Root, TemplateModel.GoldenPath.Replace('/', Path.DirectorySeparatorChar));
        if (!File.Exists(golden)) throw new FileNotFoundException($"{source}: the project's golden calls {golden} are missing: cosim ran them, the model's cycles need them; regenerate the project", golden);
        var scalars = GoldenCallScalars.Read(golden);
        var engine = reports.Manifest.Engine;
        if (scalars.Geometry != new Core.Execution.Kernel.KernelGeometry(engine.TileTokens, engine.TileRows, engine.TileReduction))
            throw new InvalidDataException($"{golden}: laid out for {scalars.Geometry}, not the engine of {ProjectManifest.FileName} (TM {engine.TileTokens}, TN {engine.TileRows}, TK {engine.TileReduction}); regenerate the project");
        if (scalars.Calls.Count == 0) throw new InvalidDataException($"{golden}: holds no calls; regenerate the project with golden images");
        return new ReportedLatency(scalars.Calls, average, min, max);
    }

    private static ProjectReports Checked(ProjectReports reports, CsynthReport csynth, string source)
    {
        if (csynth.TopModel != HlsReportGate.TopFunction)
            throw new InvalidDataException($"{source}: a csynth report of '{csynth.TopModel}', not of {HlsReportGate.TopFunction} (the top function of every generated project); use a generated project's reports");
        var part = reports.Manifest.Platform.Part;
        if (!string.Equals(csynth.Part, part, StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"{source}: synthesized for part {csynth.Part}, not the project's {part} ({ProjectManifest.FileName} platform.part); synthesize the project for its own part, or regenerate it for that platform"));
        return reports;
    }

    private static void Merge(Dictionary<string, ProjectReports> byRoot, ProjectReports found)
    {
        if (!byRoot.TryGetValue(found.Root, out var known))
        {
            byRoot[found.Root] = found;
            return;
        }
        byRoot[found.Root] = known with
        {
            Csynth = found.Csynth ?? known.Csynth,
            CsynthPath = found.CsynthPath ?? known.CsynthPath,
            Cosim = found.Cosim ?? known.Cosim,
            CosimPath = found.CosimPath ?? known.CosimPath,
        };
    }

    private static string? ProjectRootAbove(string directory)
    {
        for (var folder = new DirectoryInfo(directory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, ProjectManifest.FileName))) return folder.FullName;
        }
        return null;
    }

    private static string ProjectRoot(string directory) =>
        File.Exists(Path.Combine(directory, ProjectManifest.FileName)) ? directory
            : throw new InvalidDataException($"--project {directory}: no {ProjectManifest.FileName}; give a generated project's folder");
}
