using System.Net;
using System.Text.RegularExpressions;
using Bascule.Jobs.Hosting;
using Bascule.TestSupport;
using Hangfire;
using Hangfire.InMemory;

namespace Bascule.Jobs.Tests.Hosting;

/// <summary>
/// A job held for a FAILED reconciliation, on the dashboard of <c>serve</c>'s host: its failure links to the HTML report
/// under /runs/ that accountants read, and that link answers. Real HTTP requests to the host on 127.0.0.1.
/// </summary>
public sealed partial class FailedJobReportLinkTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task The_dashboard_links_a_held_jobs_failure_to_its_html_report()
    {
        var fleet = FleetSample.Write(_temp, entities: 1, lines: 300);
        var export = fleet.Entities[0].ExportFolder(FleetSample.Year);
        var damaged = await ExportCopies.OneEuroMoreLedgerDebitAsync(export, _temp.Combine("damaged"));
        Directory.Delete(export, recursive: true);
        Directory.Move(damaged, export);
        var url = $"http://127.0.0.1:{LoopbackPort.Free()}";
        var storage = new InMemoryStorage();
        await using var app = ServeHost.Build(
            new ServeOptions(url, storage, new StagingTarget("sqlite", "", _temp.Combine("out")), new Dictionary<string, string>(), 1));
        await app.StartAsync(TestContext.Current.CancellationToken);

        var job = FleetEnqueuer.Enqueue(new BackgroundJobClient(storage), fleet.Entities[0], FleetSample.Year);
        using (var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            using var connection = storage.GetConnection();
            while (connection.GetStateData(job)?.Name != "Failed")
            {
                await Task.Delay(100, deadline.Token);
            }
        }

        using var http = new HttpClient { BaseAddress = new Uri(url) };
        var details = await http.GetStringAsync($"/hangfire/jobs/details/{job}", TestContext.Current.CancellationToken);
        var link = ReportLink().Match(details);
        Assert.True(link.Success, details);
        var report = await http.GetAsync(link.Groups[1].Value, TestContext.Current.CancellationToken);
        var html = await report.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        await app.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Equal("text/html; charset=utf-8", report.Content.Headers.ContentType?.ToString());
        Assert.Contains("FAILED", html, StringComparison.Ordinal);
        Assert.Contains(fleet.Entities[0].Name, html, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

    [GeneratedRegex("<a href=\"(/runs/[0-9a-f-]{36}/reconciliation\\.html)\">Rapport de réconciliation / Aansluitingsrapport")]
    private static partial Regex ReportLink();
}
