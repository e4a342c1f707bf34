using System.CommandLine;
using Quasar.HwGen.Cli.Errors;
using Quasar.HwGen.Cli.Verbs.Reporting;
using Quasar.HwGen.Cli.Verbs.RunReport;
using Quasar.HwGen.Core.IO;

namespace Quasar.HwGen.Cli.Verbs;

/// <summary>
/// `quasar report &lt;project or report file&gt; [--html file]`: the reports Vitis and Vivado left for a generated
/// project (found and refused as `quasar calibrate` finds and refuses them, plus Vivado's after `quasar link`) beside the
/// hardware model's figures for the project's engine, as a terminal table and, with <c>--html</c>, a self-contained
/// page. An existing page is replaced only with <c>--force</c>. Given a run directory of `quasar demo` (one holding
/// run.json), it rebuilds that run's page (report.html there, or <c>--html</c>) from run.json and the run's projects; given a
/// sweep directory of `quasar sweep` (one holding sweep.json), every design's figures against the model and the
/// sweep's calibration residuals, written to report.html there (or <c>--html</c>).
/// </summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("project")
        {
            Description = "A run directory of quasar demo (holding run.json), a sweep directory of quasar sweep (holding sweep.json), a generated project folder (its prj/solution1 or work/hls reports, and build/ after link), or one report file of it (csynth .xml, quasar_gemm_csynth.rpt, quasar_gemm_cosim.rpt, lat.rpt)",
        };
        var project = new Option<DirectoryInfo?>("--project") { Description = "The generated project that a report file outside any project is of" };
        var html = new Option<FileInfo?>("--html") { Description = "Also write the report as a self-contained HTML page with charts" };
        var force = new Option<bool>("--force") { Description = "Replace the --html file if it exists" };
        var calibration = CalibrationOption.Create();
        var command = new Command("report", "Show a project's csynth, cosim and Vivado figures beside the hardware model's for its engine")
        {
            input, project, html, force, calibration,
        };
        command.SetAction(parse => CliErrors.Run(parse, () =>
        {
            var page = parse.GetValue(html)?.FullName;
            bool replace = parse.GetValue(force);
            if (page is not null && Directory.Exists(page)) throw new IOException($"--html {page} is a folder; give the page's file path");
            if (page is not null && !replace && File.Exists(page)) throw new IOException($"{page} exists; pass --force to replace it, or choose another --html");
            var target = parse.GetRequiredValue(input);
            if (Sweep.SweepLayout.IsSweepDirectory(target))
            {
                var sweep = Sweep.SweepReport.Build(new Sweep.SweepLayout(Path.GetFullPath(target)));
                Console.Write(Sweep.SweepReportText.Format(sweep));
                var written = page ?? sweep.Layout.Page;
                AtomicFile.WriteAllText(written, Sweep.SweepPage.Html(sweep));
                Console.WriteLine($"wrote {written}");
                return;
            }
            if (IsRunDirectory(target))
            {
                var run = RunRecordFile.Read(target);
                Console.Write(RunSummary.Format(run));
                Console.WriteLine($"wrote {RunReportWriter.Write(target, run, page)}");
                return;
            }
            var found = CalibrationReports.Find([target], parse.GetValue(project)?.FullName).Single();
            var platform = found.Manifest.Platform;
            var implemented = ImplementedDesign.Find(found.Root, platform.Part);
            var file = parse.GetValue(calibration);
            var calibrated = CalibrationOption.LoadForProject(file, platform.Name, platform.Part);
            var report = DesignReport.Build(found, implemented, calibrated, file?.FullName);
            Console.Write(ReportTable.Format(report));
            if (page is null) return;
            AtomicFile.Write(page, stream =>
            {
                using var writer = new StreamWriter(stream, leaveOpen: true);
                writer.Write(ReportPage.Html(report));
            }, overwrite: replace);
            Console.WriteLine($"wrote {page}");
        }));
        return command;
    }

    /// <summary>A folder with run.json, report.html or search/: a run directory, so a missing run.json is the error named.</summary>
    private static bool IsRunDirectory(string path) =>
        Directory.Exists(path) && (File.Exists(Path.Combine(path, RunRecord.FileName)) || File.Exists(Path.Combine(path, RunRecord.PageName))
            || Directory.Exists(Path.Combine(path, "search")));
}
