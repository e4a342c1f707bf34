using System.CommandLine;
using System.Globalization;
using System.Text;
using Quasar.HwGen.Cli.Errors;
using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Core.IO;
using Quasar.HwGen.Hardware.Calibration;
using Quasar.HwGen.Vitis.Hls;

namespace Quasar.HwGen.Cli.Verbs;

/// <summary>
/// `quasar calibrate &lt;reports...&gt;`: fits the hardware model's estimated constants to csynth and cosim reports of
/// generated projects (docs/calibration.md), prints each fitted constant and each report's residuals, and writes the
/// calibration file that `estimate`, `search` and `generate` take with <c>--calibration</c>. An existing file is
/// replaced only with <c>--force</c>.
/// </summary>
public static class CalibrateCommand
{
    public const string DefaultOutput = "quasar-calibration.yaml";

    public static Command Create()
    {
        var reports = new Argument<string[]>("reports")
        {
            Description = "Generated project folders (their prj/solution1 or work/hls reports), or report files (csynth .xml, quasar_gemm_csynth.rpt, quasar_gemm_cosim.rpt, lat.rpt)",
            Arity = ArgumentArity.OneOrMore,
        };
        var project = new Option<DirectoryInfo?>("--project") { Description = "The generated project that report files outside any project are of" };
        var output = new Option<FileInfo>("--out") { Description = $"Calibration file to write (default: {DefaultOutput})", DefaultValueFactory = _ => new FileInfo(DefaultOutput) };
        var force = new Option<bool>("--force") { Description = "Replace --out if it exists" };
        var command = new Command("calibrate", "Fit the hardware model's estimated constants to csynth/cosim reports of generated projects")
        {
            reports, project, output, force,
        };
        command.SetAction(parse => CliErrors.Run(parse, () =>
        {
            var path = parse.GetRequiredValue(output).FullName;
            bool replace = parse.GetValue(force);
            if (Directory.Exists(path)) throw new IOException($"--out {path} is a folder; give the calibration file's path");
            if (!replace && File.Exists(path)) throw new IOException($"{path} exists; pass --force to replace it, or choose another --out");
            var found = CalibrationReports.Find(parse.GetRequiredValue(reports), parse.GetValue(project)?.FullName);
            var (fit, file) = Fit(found);
            var yaml = ConfigWriter.ToYaml(file);
            Console.Write(Describe(found, fit, file));
            AtomicFile.Write(path, stream =>
            {
                using var writer = new StreamWriter(stream, leaveOpen: true);
                writer.Write(yaml);
            }, overwrite: replace);
            Console.WriteLine($"wrote {path}");
        }));
        return command;
    }

    /// <summary>The fit of the model's constants to <paramref name="found"/>, and the calibration file that records it.</summary>
    internal static (ReportFit Fit, CalibrationFile File) Fit(IReadOnlyList<ProjectReports> found)
    {
        var fit = ReportCalibration.Fit([.. found.Select(p => p.Observation())]);
        var file = new CalibrationFile(found[0].Manifest.Platform.Part, HlsReportGate.TopFunction,
            ValueList.From(found.Select(p => p.Csynth?.ToolVersion).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)),
            fit.Constants, fit.Residuals, ValueList.From(fit.NotFitted));
        return (fit, file);
    }

    internal static string Describe(IReadOnlyList<ProjectReports> found, ReportFit fit, CalibrationFile file)
    {
        var ci = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        int csynth = found.Count(p => p.Csynth is not null), cosim = found.Count(p => p.Cosim is not null);
        string tools = file.ToolVersions.Count == 0 ? "" : $", Vitis HLS {string.Join(", ", file.ToolVersions)}";
        text.AppendLine(ci, $"calibrating {file.TopFunction} on {file.Part}{tools}: {found.Count} design(s), {csynth} csynth and {cosim} cosim report(s)");
        foreach (var p in found)
            text.AppendLine(ci, $"  {p.Name}: {p.Manifest.Engine.ToConfig().Describe()}; {p.CsynthPath ?? "no csynth"}; {p.CosimPath ?? "no cosim"}");
        text.AppendLine("fitted constants:");
        if (fit.Constants.Count == 0) text.AppendLine("  none");
        foreach (var c in fit.Constants)
            text.AppendLine(ci, $"  {c.Name,-20} {c.Default,12:0.####} -> {c.Fitted,12:0.####}");
        text.AppendLine("not fitted:");
        foreach (var note in fit.NotFitted) text.AppendLine(ci, $"  {note}");
        text.AppendLine("residuals (model vs report):");
        foreach (var r in fit.Residuals)
            text.AppendLine(ci, $"  {r.Report,-24} {r.Figure,-18} model {r.Model,14:0.##}  report {r.Reported,14:0.##}  {Percent(r.Percent),9}");
        return text.ToString();
    }

    private static string Percent(double? percent) =>
        percent is double p ? p.ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture) + "%" : "n/a";
}
