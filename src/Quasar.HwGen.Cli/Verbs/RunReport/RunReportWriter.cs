using Quasar.HwGen.Cli.Verbs.Reporting;
using Quasar.HwGen.Core.IO;

namespace Quasar.HwGen.Cli.Verbs.RunReport;

/// <summary>Writes a run directory's page from its run.json and its projects' Vitis reports, atomically.</summary>
internal static class RunReportWriter
{
    /// <summary>Returns the page's path: <paramref name="page"/>, or report.html in the run directory.</summary>
    public static string Write(string runDirectory, RunRecord run, string? page = null)
    {
        var reports = run.Subnets.Where(s => s.Project is not null).ToDictionary(s => s.Name, s => ProjectCharts(runDirectory, s.Project!));
        var path = page ?? Path.Combine(runDirectory, RunRecord.PageName);
        AtomicFile.WriteAllText(path, RunPage.Html(run, reports));
        return path;
    }

    /// <summary>The csynth/cosim charts of a generated project, or why it has none (no Vitis run yet, a report refused).</summary>
    private static (IReadOnlyList<string> Charts, string? Note) ProjectCharts(string runDirectory, string project)
    {
        var root = Path.GetFullPath(Path.Combine(runDirectory, project));
        if (!Directory.Exists(root)) return ([], $"{root} is missing; the page shows only what run.json records");
        try
        {
            var found = CalibrationReports.Find([root], null).Single();
            var report = DesignReport.Build(found, ImplementedDesign.Find(found.Root, found.Manifest.Platform.Part), null, null);
            return ([.. ReportPage.Charts(report)], string.Join("; ", report.Sources));
        }
        catch (InvalidDataException e)
        {
            // No Vitis on this machine is the usual case: the project has no csynth or cosim report until `quasar synth`.
            return ([], e.Message);
        }
    }
}
