using System.Globalization;
using System.Security;
using System.Text;

namespace Quasar.HwGen.Cli.Verbs.RunReport;

/// <summary>
/// Validation accuracy against the model's FPS as inline SVG, from a run record alone: every evaluated subnet (grey
/// dots), the Pareto front (blue line), each FPS target (dashed red line) and the subnet chosen for it (red dot).
/// </summary>
internal static class ParetoChart
{
    private const double Width = 720, Height = 440, Left = 70, Right = 20, Top = 30, Bottom = 50;

    public static string Svg(RunRecord run)
    {
        var ci = CultureInfo.InvariantCulture;
        var fps = run.Evaluated.Select(p => p.Fps).Concat(run.Subnets.SelectMany(s => new[] { s.TargetFps, s.SearchFps })).ToList();
        var accuracy = run.Evaluated.Select(p => p.Accuracy).Concat(run.Subnets.Select(s => s.ValidationAccuracy)).ToList();
        double x0 = fps.DefaultIfEmpty(0).Min(), x1 = fps.DefaultIfEmpty(1).Max(), y0 = accuracy.DefaultIfEmpty(0).Min(), y1 = accuracy.DefaultIfEmpty(1).Max();
        if (!(x1 > x0)) x1 = x0 + 1;
        if (!(y1 > y0)) y1 = y0 + 0.01;
        double X(double v) => Left + (v - x0) / (x1 - x0) * (Width - Left - Right);
        double Y(double v) => Height - Bottom - (v - y0) / (y1 - y0) * (Height - Top - Bottom);

        var svg = new StringBuilder();
        svg.AppendLine(ci, $"""<svg width="{Width}" height="{Height}" viewBox="0 0 {Width} {Height}" font-family="sans-serif" font-size="12" role="img">""");
        svg.AppendLine("<title>Pareto front of the search</title>");
        svg.AppendLine("""<text x="0" y="16" font-size="13" font-weight="bold">validation top-1 against the model's FPS: evaluated (grey), Pareto front (blue), chosen (red)</text>""");
        svg.AppendLine(ci, $"""<line x1="{Left}" y1="{Height - Bottom}" x2="{Width - Right}" y2="{Height - Bottom}" stroke="#444"/><line x1="{Left}" y1="{Top}" x2="{Left}" y2="{Height - Bottom}" stroke="#444"/>""");
        svg.AppendLine(ci, $"""<text x="{Left}" y="{Height - Bottom + 16}">{x0:0}</text><text x="{Width - Right}" y="{Height - Bottom + 16}" text-anchor="end">{x1:0}</text><text x="{(Left + Width) / 2:0}" y="{Height - 12}" text-anchor="middle">FPS (hardware model)</text>""");
        svg.AppendLine(ci, $"""<text x="{Left - 4}" y="{Height - Bottom}" text-anchor="end">{100 * y0:0.0}%</text><text x="{Left - 4}" y="{Top + 10}" text-anchor="end">{100 * y1:0.0}%</text>""");
        foreach (var p in run.Evaluated)
            svg.AppendLine(ci, $"""<circle class="evaluated" cx="{X(p.Fps):0.#}" cy="{Y(p.Accuracy):0.#}" r="2.5" fill="#999"/>""");
        if (run.Pareto.Count > 0)
            svg.AppendLine(ci, $"""<polyline class="pareto" fill="none" stroke="#1f5fbf" stroke-width="2" points="{string.Join(' ', run.Pareto.Select(p => string.Create(ci, $"{X(p.Fps):0.#},{Y(p.Accuracy):0.#}")))}"/>""");
        foreach (var s in run.Subnets)
        {
            svg.AppendLine(ci, $"""<line x1="{X(s.TargetFps):0.#}" y1="{Top}" x2="{X(s.TargetFps):0.#}" y2="{Height - Bottom}" stroke="red" stroke-dasharray="5,4"/>""");
            svg.AppendLine(ci, $"""<circle class="chosen" cx="{X(s.SearchFps):0.#}" cy="{Y(s.ValidationAccuracy):0.#}" r="5" fill="red"><title>{Escape(s.Name)}: {100 * s.ValidationAccuracy:0.0}% at {s.SearchFps:0} FPS</title></circle>""");
            svg.AppendLine(ci, $"""<text x="{X(s.TargetFps) + 4:0.#}" y="{Top + 12}" fill="red">≥ {s.TargetFps:0}</text>""");
        }
        svg.AppendLine("</svg>");
        return svg.ToString();
    }

    private static string Escape(string text) => SecurityElement.Escape(text);
}
