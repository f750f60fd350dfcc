using Bascule.Reconcile.Reports;
using Bascule.Reconcile.Tests.Support;
using Bascule.TestSupport;

namespace Bascule.Reconcile.Tests.Reports;

/// <summary>The HTML report opened in headless Chromium: it renders with the expected figures and without a console or script
/// error.</summary>
public sealed class ChromiumRenderingTests
{
    [Fact]
    public async Task The_report_renders_in_chromium_with_the_expected_figures_and_no_script_error()
    {
        Chromium.SkipIfMissing();
        using var temp = new TempDirectory();
        var result = await Reconciled.CommuneAsync(temp, Reconciled.AddHostileRejectsAsync);
        var files = await ReportWriter.WriteAllAsync(result, temp.Combine("out"), cancellationToken: TestContext.Current.CancellationToken);

        var (dom, log) = await Chromium.DumpDomAsync(temp, files.Html);

        Assert.Contains("<span id=\"run-status\" class=\"status WARNING\">WARNING</span>", dom, StringComparison.Ordinal);
        var sample = SampleFigures.Of(SampleRun.Commune);
        Assert.Contains(
            $"<div class=\"value\" id=\"source-debit\">{SampleFigures.Grouped(sample.Debit())}</div>",
            dom,
            StringComparison.Ordinal);
        Assert.Contains(
            $"<div class=\"value\" id=\"staged-credit\">{SampleFigures.Grouped(sample.Credit())}</div>",
            dom,
            StringComparison.Ordinal);
        Assert.Contains(SampleFigures.Grouped(sample.Debit("OUV")), dom, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", dom, StringComparison.Ordinal);
        // The report has no script at all; the browser log would show any console message or uncaught error.
        Assert.DoesNotContain("<script", dom, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Uncaught", log, StringComparison.Ordinal);
        Assert.DoesNotContain(":CONSOLE", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_screenshot_of_the_report_can_be_taken()
    {
        Chromium.SkipIfMissing();
        using var temp = new TempDirectory();
        var result = await Reconciled.CommuneAsync(temp);
        var files = await ReportWriter.WriteAllAsync(result, temp.Combine("out"), cancellationToken: TestContext.Current.CancellationToken);
        var png = temp.Combine("report.png");

        await Chromium.ScreenshotAsync(temp, files.Html, png);

        var bytes = await File.ReadAllBytesAsync(png, TestContext.Current.CancellationToken);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
    }
}
