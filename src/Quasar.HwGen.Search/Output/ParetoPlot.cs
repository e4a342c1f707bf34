using System.Globalization;
using System.Security;
using System.Text;
using Quasar.HwGen.Search.Results;

namespace Quasar.HwGen.Search.Output;

/// <summary>
/// Accuracy against FPS as a small hand-written SVG: every evaluated subnet (grey), the Pareto set (blue line), the
/// best subnet per target (red), the best uniformly scaled subnet per target (orange squares), and each target as a
/// dashed vertical line.
/// </summary>
public static class ParetoPlot
{
    private const double Width = 720, Height = 480, Left = 70, Right = 20, Top = 30, Bottom = 50;

    public static string Svg(SearchResult result, string title)
    {
        ArgumentNullException.ThrowIfNull(result);
        var ci = CultureInfo.InvariantCulture;
        var all = result.Evaluated.Concat(result.Targets.Select(t => t.Best)).ToList();
        double fpsMin = Math.Min(all.Min(c => c.Fps), result.Targets.Min(t => t.FpsTarget));
        double fpsMax = Math.Max(all.Max(c => c.Fps), result.Targets.Max(t => t.FpsTarget));
        double accMin = 100 * all.Min(c => c.Accuracy), accMax = 100 * all.Max(c => c.Accuracy);
        var (x0, x1, xStep) = NiceRange(fpsMin, fpsMax);
        var (y0, y1, yStep) = NiceRange(accMin, accMax);
        double X(double fps) => Left + (fps - x0) / (x1 - x0) * (Width - Left - Right);
        double Y(double accuracy) => Height - Bottom - (100 * accuracy - y0) / (y1 - y0) * (Height - Top - Bottom);

        var svg = new StringBuilder();
        svg.AppendLine(ci, $"""<svg xmlns="http://www.w3.org/2000/svg" width="{Width}" height="{Height}" viewBox="0 0 {Width} {Height}" font-family="sans-serif" font-size="12">""");
        svg.AppendLine(ci, $"""<rect width="{Width}" height="{Height}" fill="white"/>""");
        svg.AppendLine(ci, $"""<text x="{Width / 2}" y="18" text-anchor="middle" font-size="14">{SecurityElement.Escape(title)}</text>""");
        for (double v = x0; v <= x1 + xStep / 2; v += xStep)
        {
            svg.AppendLine(ci, $"""<line x1="{X(v):0.#}" y1="{Top}" x2="{X(v):0.#}" y2="{Height - Bottom}" stroke="#eee"/>""");
            svg.AppendLine(ci, $"""<text x="{X(v):0.#}" y="{Height - Bottom + 16}" text-anchor="middle">{v:0.##}</text>""");
        }
        for (double v = y0; v <= y1 + yStep / 2; v += yStep)
        {
            svg.AppendLine(ci, $"""<line x1="{Left}" y1="{Y(v / 100):0.#}" x2="{Width - Right}" y2="{Y(v / 100):0.#}" stroke="#eee"/>""");
            svg.AppendLine(ci, $"""<text x="{Left - 6}" y="{Y(v / 100) + 4:0.#}" text-anchor="end">{v:0.##}</text>""");
        }
        svg.AppendLine(ci, $"""<rect x="{Left}" y="{Top}" width="{Width - Left - Right}" height="{Height - Top - Bottom}" fill="none" stroke="black"/>""");
        svg.AppendLine(ci, $"""<text x="{(Left + Width - Right) / 2}" y="{Height - 12}" text-anchor="middle">frames per second (latency model)</text>""");
        svg.AppendLine(ci, $"""<text x="16" y="{(Top + Height - Bottom) / 2}" text-anchor="middle" transform="rotate(-90 16 {(Top + Height - Bottom) / 2})">top-1 accuracy (%)</text>""");

        foreach (var target in result.Targets)
        {
            svg.AppendLine(ci, $"""<line x1="{X(target.FpsTarget):0.#}" y1="{Top}" x2="{X(target.FpsTarget):0.#}" y2="{Height - Bottom}" stroke="red" stroke-dasharray="5,4"/>""");
            svg.AppendLine(ci, $"""<text x="{X(target.FpsTarget) + 4:0.#}" y="{Top + 14}" fill="red">≥ {target.FpsTarget:0.#} FPS</text>""");
        }
        foreach (var c in result.Evaluated)
            svg.AppendLine(ci, $"""<circle cx="{X(c.Fps):0.#}" cy="{Y(c.Accuracy):0.#}" r="2" fill="#999"/>""");
        svg.AppendLine(ci, $"""<polyline fill="none" stroke="#1f5fbf" stroke-width="2" points="{string.Join(" ", result.Pareto.Select(c => string.Create(ci, $"{X(c.Fps):0.#},{Y(c.Accuracy):0.#}")))}"/>""");
        foreach (var c in result.Pareto)
            svg.AppendLine(ci, $"""<circle cx="{X(c.Fps):0.#}" cy="{Y(c.Accuracy):0.#}" r="3.5" fill="#1f5fbf"/>""");
        foreach (var target in result.Targets)
        {
            if (target.BestUniform is { } u)
                svg.AppendLine(ci, $"""<rect x="{X(u.Fps) - 4:0.#}" y="{Y(u.Accuracy) - 4:0.#}" width="8" height="8" fill="orange" stroke="black"/>""");
            svg.AppendLine(ci, $"""<circle cx="{X(target.Best.Fps):0.#}" cy="{Y(target.Best.Accuracy):0.#}" r="5" fill="red" stroke="black"/>""");
        }
        double legendY = Height - Bottom - 60;
        svg.AppendLine(ci, $"""<circle cx="{Width - 200}" cy="{legendY}" r="3.5" fill="#1f5fbf"/><text x="{Width - 190}" y="{legendY + 4}">Pareto set</text>""");
        svg.AppendLine(ci, $"""<circle cx="{Width - 200}" cy="{legendY + 16}" r="5" fill="red" stroke="black"/><text x="{Width - 190}" y="{legendY + 20}">best per target</text>""");
        svg.AppendLine(ci, $"""<rect x="{Width - 204}" y="{legendY + 28}" width="8" height="8" fill="orange" stroke="black"/><text x="{Width - 190}" y="{legendY + 36}">best uniform per target</text>""");
        svg.AppendLine("</svg>");
        return svg.ToString();
    }

    /// <summary>An axis range with round ticks (1, 2 or 5 × 10ⁿ apart, about 5 of them) covering [min, max].</summary>
    public static (double Min, double Max, double Step) NiceRange(double min, double max)
    {
        if (!(max > min)) (min, max) = (min - 1, max + 1);
        double raw = (max - min) / 5, magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double step = new[] { 1.0, 2.0, 5.0, 10.0 }.Select(f => f * magnitude).First(s => s >= raw);
        return (Math.Floor(min / step) * step, Math.Ceiling(max / step) * step, step);
    }
}
