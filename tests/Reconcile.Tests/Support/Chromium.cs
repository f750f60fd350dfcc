using System.Diagnostics;
using Bascule.TestSupport;

namespace Bascule.Reconcile.Tests.Support;

/// <summary>
/// Debian's Chromium, headless, as a plain process: dumps the DOM a page renders to, or takes a screenshot, with the
/// browser's own log on stderr (console messages and script errors). Tests skip when it is not installed.
/// </summary>
internal static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    public static void SkipIfMissing()
    {
        if (!File.Exists(Path))
        {
            Assert.Skip($"{Path} is missing: install Debian's chromium package (apt-get install -y --no-install-recommends chromium) to "
                + $"run the browser tests.");
        }
    }

    public static Task<(string Stdout, string Stderr)> DumpDomAsync(TempDirectory temp, string file) =>
        RunAsync(temp, "--dump-dom", new Uri(file).AbsoluteUri);

    public static Task<(string Stdout, string Stderr)> ScreenshotAsync(
        TempDirectory temp,
        string file,
        string png,
        int width = 1280,
        int height = 1800) =>
        RunAsync(temp, $"--screenshot={png}", $"--window-size={width},{height}", new Uri(file).AbsoluteUri);

    private static async Task<(string Stdout, string Stderr)> RunAsync(TempDirectory temp, params string[] args)
    {
        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update",
                     "--no-first-run", "--enable-logging=stderr", "--v=0", $"--user-data-dir={temp.Combine("chromium-profile")}", .. args])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Path} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        // A guard against a hung browser, not a speed assertion.
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        guard.CancelAfter(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (await stdout, await stderr);
    }
}
