using Microsoft.Playwright;

namespace Bascule.Jobs.Tests.Browser;

/// <summary>
/// Debian's chromium driven by Playwright: the browser the package installs, never one Playwright would download (no
/// download is possible where the tests run). A test is skipped, with how to install it, when it is not there.
/// </summary>
internal static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(Path))
        {
            Assert.Skip($"{Path} is missing: install Debian's chromium package (apt-get install -y --no-install-recommends chromium) to "
                + $"run the browser tests.");
        }

        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Path,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
            });
            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }
}
