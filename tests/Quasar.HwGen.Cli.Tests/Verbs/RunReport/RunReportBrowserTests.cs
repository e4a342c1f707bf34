using System.Text.Json;
using Quasar.HwGen.Cli.Tests.Support;

namespace Quasar.HwGen.Cli.Tests.Verbs.RunReport;

/// <summary>
/// The demo's page in a real browser (<see cref="HeadlessChromium"/>): every plot run.json calls for is drawn with a
/// non-empty size and shapes in it, and the page reports no problem (console error or warning, page error, request
/// other than its own file).
/// </summary>
[TestFixture]
[NonParallelizable]
[Category("Browser")]
public sealed class RunReportBrowserTests
{
    [Test]
    public async Task Every_plot_is_drawn_and_the_page_reports_no_problem()
    {
        int subnets;
        using (var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(DemoRunDirectory.Path, "run.json"))))
            subnets = json.RootElement.GetProperty("subnets").GetArrayLength();
        // The Pareto front, latency by op kind and by layer per subnet, resources against the board; the demo's
        // projects have no Vitis reports here, so no csynth/cosim charts.
        int plots = 1 + 2 * subnets + 1;

        await using var chromium = await HeadlessChromium.LaunchAsync();
        var (page, problems) = await chromium.OpenAsync(Path.Combine(DemoRunDirectory.Path, "report.html"));

        var svgs = page.Locator("svg");
        Assert.That(await svgs.CountAsync(), Is.EqualTo(plots));
        for (int i = 0; i < plots; i++)
        {
            var svg = svgs.Nth(i);
            var box = await svg.BoundingBoxAsync();
            Assert.That(box, Is.Not.Null, $"plot {i} is laid out");
            Assert.That(box!.Width * box.Height, Is.GreaterThan(0), $"plot {i} has a size");
            Assert.That(await svg.Locator("rect, circle, polyline").CountAsync(), Is.GreaterThan(0), $"plot {i} draws shapes");
            Assert.That(await svg.Locator("title").First.TextContentAsync(), Is.Not.Empty, $"plot {i} is titled");
        }
        Assert.That(problems, Is.Empty);
    }
}
