using System.Globalization;
using System.Security;
using System.Text;
using Quasar.HwGen.Cli.Verbs.Reporting;

namespace Quasar.HwGen.Cli.Verbs.RunReport;

/// <summary>
/// A run record as one self-contained HTML page, well-formed XML as <see cref="ReportPage"/> writes it: the summary
/// table, the Pareto front, per chosen subnet its latency by op kind and by layer, the engine's resources against the
/// board, the backends' bit-exact status, each project's csynth/cosim figures beside the model's where Vitis left
/// reports, and every step's command. Numbers carry <c>data-value</c> with the record's exact value for tools and tests.
/// </summary>
internal static class RunPage
{
    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;

    /// <param name="projectReports">Per subnet name, the csynth/cosim charts of its project, or why there are none.</param>
    public static string Html(RunRecord run, IReadOnlyDictionary<string, (IReadOnlyList<string> Charts, string? Note)> projectReports)
    {
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>");
        html.AppendLine("<html lang=\"en\">");
        html.AppendLine($"<head><meta charset=\"utf-8\"/><title>quasar run on {E(run.Board)}</title><style>{ReportPage.Style}</style></head>");
        html.AppendLine("<body>");
        html.AppendLine($"<h1>quasar run on {E(run.Board)} ({E(run.Part)}, {N(run.ClockMhz, "0.#")} MHz)</h1>");
        html.AppendLine($"<p id=\"engine\">engine: {E(run.Engine)}</p>");

        html.AppendLine("<h2>Chosen subnets</h2>");
        html.AppendLine("<table id=\"subnets\"><tr>" + string.Concat(RunSummary.Header.Select(h => $"<th>{E(h)}</th>")) + "</tr>");
        foreach (var s in run.Subnets)
        {
            html.AppendLine($"<tr data-subnet=\"{E(s.Name)}\"><td>{E(s.Name)}</td>"
                + Num("target_fps", s.TargetFps, "0") + Num("estimated_fps", s.EstimatedFps, "0.0") + Num("latency_ms", s.LatencyMs, "0.000")
                + Num("validation_accuracy", s.ValidationAccuracy, "0.0%") + Num("fake_quant_accuracy", s.FakeQuantAccuracy, "0.0%")
                + Num("integer_accuracy", s.IntegerAccuracy, "0.0%") + Num("test_images", s.TestImages, "0")
                + string.Concat(RunSummary.Backends.Select(b => $"<td data-backend=\"{E(b)}\">{E(RunSummary.Status(s, b))}</td>")) + "</tr>");
        }
        html.AppendLine("</table>");
        foreach (var s in run.Subnets) html.AppendLine($"<p class=\"note\">{E(s.Name)}: {E(s.Summary)}</p>");

        html.AppendLine("<h2>Search</h2><div class=\"charts\">");
        html.Append(ParetoChart.Svg(run));
        html.AppendLine("</div>");
        html.AppendLine(string.Create(Ci, $"<p class=\"note\">{run.Evaluated.Count} subnets evaluated, {run.Pareto.Count} on the Pareto front.</p>"));

        html.AppendLine("<h2>Latency (hardware model, ms a frame)</h2><div class=\"charts\">");
        foreach (var s in run.Subnets)
        {
            html.Append(BarChart.Svg($"{s.Name}: by op kind (ms)", [.. s.ByOpKind.Select(l => new ChartGroup(l.Name, null, l.Milliseconds))], "—"));
            html.Append(BarChart.Svg($"{s.Name}: by layer (ms)", [.. s.ByLayer.Select(l => new ChartGroup(l.Name, null, l.Milliseconds))], "—"));
        }
        html.AppendLine("</div>");

        html.AppendLine("<h2>Resources against the board</h2><div class=\"charts\">");
        html.Append(BarChart.Svg($"engine resources (model) against {run.Board}'s device", [.. run.Resources.Select(r => new ChartGroup(r.Kind, r.Device, r.Used))], "device"));
        html.AppendLine("</div>");
        html.AppendLine("<table id=\"resources\"><tr><th>resource</th><th>used (model)</th><th>budget</th><th>device</th><th>of device</th><th></th></tr>");
        foreach (var r in run.Resources)
            html.AppendLine($"<tr data-resource=\"{E(r.Kind)}\"><td>{E(r.Kind)}</td>{Num("used", r.Used, "N0")}{Num("budget", r.Budget, "N0")}{Num("device", r.Device, "N0")}{Num("share", r.Used / r.Device, "0.0%")}<td>{(r.Binds ? "binds" : "")}</td></tr>");
        html.AppendLine("</table>");

        html.AppendLine("<h2>Backends</h2><table id=\"backends\"><tr><th>subnet</th><th>backend</th><th>status</th><th>detail</th></tr>");
        foreach (var s in run.Subnets)
            foreach (var b in s.Backends)
                html.AppendLine($"<tr><td>{E(s.Name)}</td><td>{E(b.Backend)}</td><td>{E(b.Status)}</td><td>{E(b.Detail)}</td></tr>");
        html.AppendLine("</table>");

        html.AppendLine("<h2>Vitis reports beside the model</h2>");
        foreach (var s in run.Subnets.Where(s => s.Project is not null))
        {
            var (charts, note) = projectReports[s.Name];
            html.AppendLine($"<h3>{E(s.Name)}: {E(s.Project!)}</h3>");
            if (note is not null) html.AppendLine($"<p class=\"note\">{E(note)}</p>");
            if (charts.Count > 0) html.AppendLine("<div class=\"charts\">" + string.Concat(charts) + "</div>");
        }

        html.AppendLine("<h2>Steps</h2><table id=\"steps\"><tr><th>step</th><th>command</th><th>started (UTC)</th><th>seconds</th><th>wrote</th><th>result</th></tr>");
        foreach (var step in run.Steps)
        {
            html.AppendLine($"<tr><td>{E(step.Name)}</td><td><code>{E(step.Command)}</code></td><td>{E(step.Started.UtcDateTime.ToString("u", Ci))}</td>"
                + Num("seconds", (step.Ended - step.Started).TotalSeconds, "0.0") + $"<td>{E(string.Join(", ", step.Wrote))}</td><td>{E(step.Result)}</td></tr>");
        }
        html.AppendLine("</table>");
        html.AppendLine("</body>");
        html.AppendLine("</html>");
        return html.ToString();
    }

    private static string Num(string field, double value, string format) =>
        $"<td class=\"n\" data-field=\"{field}\" data-value=\"{value.ToString("R", Ci)}\">{E(value.ToString(format, Ci))}</td>";

    private static string N(double value, string format) => value.ToString(format, Ci);

    private static string E(string text) => SecurityElement.Escape(text);
}
