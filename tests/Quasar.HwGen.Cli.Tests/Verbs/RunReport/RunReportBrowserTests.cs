using System.Text.Json;
using Microsoft.Playwright;

namespace Quasar.HwGen.Cli.Tests.Verbs.RunReport;

/// <summary>
/// The demo's page in a real browser (Debian's chromium, headless, through Playwright): every plot run.json calls for
/// is drawn with a non-empty size and shapes in it, and the console shows no error. Outside CI a machine without
/// chromium ignores the test, saying why; in CI (CI=true) a missing chromium fails it.
/// </summary>
[TestFixture]
[NonParallelizable]
[Category("Browser")]
public sealed class RunReportBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Test]
    public async Task Every_plot_is_drawn_and_the_console_shows_no_error()
    {
        if (!File.Exists(Chromium))
        {
            const string reason = $"{Chromium} is missing: install Debian's chromium (.ci/install-system-packages does)";
            if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail(reason);
            Assert.Ignore(reason);
        }
        int subnets;
        using (var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(DemoRunDirectory.Path, "run.json"))))
            subnets = json.RootElement.GetProperty("subnets").GetArrayLength();
        // The Pareto front, latency by op kind and by layer per subnet, resources against the board; the demo's
        // projects have no Vitis reports here, so no csynth/cosim charts.
        int plots = 1 + 2 * subnets + 1;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = Environment.UserName == "root" ? ["--no-sandbox"] : [],
        });
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);

        var url = new Uri(Path.Combine(DemoRunDirectory.Path, "report.html")).AbsoluteUri;
        await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });

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
        Assert.That(errors, Is.Empty, "console errors");
        Assert.That(requests, Is.EqualTo(new[] { url }), "the page loads nothing but itself");
    }
}
