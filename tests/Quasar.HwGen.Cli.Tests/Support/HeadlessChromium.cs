using Microsoft.Playwright;

namespace Quasar.HwGen.Cli.Tests.Support;

/// <summary>
/// Debian's chromium driven by Playwright, headless: the browser a report must open in without errors. Playwright's
/// own browser download is not used (not reachable from CI); QUASAR_CHROMIUM names another executable. Where there is
/// none the test is ignored, except in CI (CI=true), where .ci/install-system-packages installs it, so it fails.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    private readonly IPlaywright _playwright;

    private HeadlessChromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<HeadlessChromium> LaunchAsync()
    {
        var executable = Environment.GetEnvironmentVariable("QUASAR_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            const string Fix = "apt-get install chromium (.ci/install-system-packages does), or set QUASAR_CHROMIUM";
            if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail($"no browser at {executable}: {Fix}");
            Assert.Ignore($"no browser at {executable}: {Fix}");
        }
        var playwright = await Playwright.CreateAsync();
        // As root (CI containers) chromium refuses to start inside its own sandbox.
        string[] arguments = Environment.UserName == "root" ? ["--no-sandbox"] : [];
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = executable, Headless = true, Args = arguments });
        return new HeadlessChromium(playwright, browser);
    }

    /// <summary>
    /// Opens <paramref name="file"/> and returns the page with everything the page reported: console errors and
    /// warnings, uncaught exceptions, failed requests (a self-contained page makes none).
    /// </summary>
    public async Task<(IPage Page, IReadOnlyList<string> Problems)> OpenAsync(string file)
    {
        var page = await Browser.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning") problems.Add($"console {message.Type}: {message.Text}");
        };
        page.PageError += (_, error) => problems.Add($"page error: {error}");
        page.RequestFailed += (_, request) => problems.Add($"request failed: {request.Url}");
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith("file:", StringComparison.Ordinal)) problems.Add($"request to the network: {request.Url}");
        };
        await page.GotoAsync(new Uri(file).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        return (page, problems);
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
