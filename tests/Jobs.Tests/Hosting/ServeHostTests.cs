using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Bascule.Jobs.Cli;
using Bascule.Jobs.Hosting;
using Bascule.TestSupport;
using Hangfire;
using Hangfire.InMemory;

namespace Bascule.Jobs.Tests.Hosting;

/// <summary><c>bascule serve</c>'s host on 127.0.0.1: jobs run by its own Hangfire server, its fleet page, dashboard and reports.</summary>
public sealed class ServeHostTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task The_fleet_page_lists_the_published_run_of_each_entity_year_with_its_job_and_report()
    {
        var fleet = FleetSample.Write(_temp, entities: 2);
        await using var served = await ServeAsync(new Dictionary<string, string>());
        await MigrateAsync(served, fleet);

        using var http = new HttpClient { BaseAddress = new Uri(served.Url) };
        var page = await http.GetStringAsync("/", TestContext.Current.CancellationToken);

        Assert.Contains(fleet.Entities[0].Name, page, StringComparison.Ordinal);
        Assert.Contains(fleet.Entities[1].Name, page, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(page, "\">publiée</a>"));
        // Each row's last job, read from the job storage, links to the dashboard.
        Assert.Equal(2, CountOf(page, "href=\"/hangfire/jobs/details/"));
        Assert.Equal(2, CountOf(page, "\">réussie</a>"));
        var report = Between(page, "<td class=\"reports\"><a href=\"", "\">");
        var reconciliation = await http.GetStringAsync(report, TestContext.Current.CancellationToken);
        Assert.Contains(fleet.Entities[0].Name, reconciliation, StringComparison.Ordinal);
        var dashboard = await http.GetStringAsync("/hangfire/jobs/succeeded", TestContext.Current.CancellationToken);
        Assert.Contains("Migrate " + fleet.Entities[0].Key, dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_run_reports_are_served()
    {
        await using var served = await ServeAsync(new Dictionary<string, string>());
        using var http = new HttpClient { BaseAddress = new Uri(served.Url) };

        var outside = await http.GetAsync("/runs/..%2F..%2Fetc/passwd", TestContext.Current.CancellationToken);
        var unknown = await http.GetAsync($"/runs/{Guid.CreateVersion7()}/reconciliation.json", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task With_dashboard_users_every_page_asks_for_basic_authentication()
    {
        await using var served = await ServeAsync(new Dictionary<string, string> { ["alice"] = "s3cret" });
        using var http = new HttpClient { BaseAddress = new Uri(served.Url) };

        var anonymous = await http.GetAsync("/hangfire", TestContext.Current.CancellationToken);
        http.DefaultRequestHeaders.Authorization
            = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("alice:wrong")));
        var wrong = await http.GetAsync("/", TestContext.Current.CancellationToken);
        http.DefaultRequestHeaders.Authorization
            = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("alice:s3cret")));
        var right = await http.GetAsync("/hangfire", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Basic", anonymous.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Theory]
    [InlineData("http://0.0.0.0:5980")]
    [InlineData("http://127.0.0.1:5981;http://192.168.1.20:5981")]
    [InlineData("http://*:5982")]
    public async Task A_non_loopback_bind_without_users_is_refused(string urls)
    {
        var exit = await BasculeApp.Create().RunAsync(["serve", "--urls", urls], TestContext.Current.CancellationToken);

        Assert.Equal(1, exit);
        var error = Assert.Throws<ServeRefusedException>(() => ServeHost.Build(
            new ServeOptions(
                urls,
                new InMemoryStorage(),
                new StagingTarget("sqlite", "", _temp.Combine("out")),
                new Dictionary<string, string>(),
                1)));
        Assert.Contains("Dashboard:Users", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Headless_chromium_renders_the_fleet_page_and_the_dashboard()
    {
        const string chromium = "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            Assert.Skip($"{chromium} is not installed (apt-get install -y --no-install-recommends chromium).");
        }

        var fleet = FleetSample.Write(_temp, entities: 1);
        await using var served = await ServeAsync(new Dictionary<string, string>());
        await MigrateAsync(served, fleet);

        var page = await DumpDomAsync(chromium, served.Url + "/");
        var dashboard = await DumpDomAsync(chromium, served.Url + "/hangfire/jobs/succeeded");

        Assert.Contains("<table id=\"fleet\">", page, StringComparison.Ordinal);
        Assert.Contains(fleet.Entities[0].Name, page, StringComparison.Ordinal);
        Assert.Contains(">publiée</a>", page, StringComparison.Ordinal);
        Assert.Contains("Migrate " + fleet.Entities[0].Key, dashboard, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

    private Task<ServedHost> ServeAsync(IReadOnlyDictionary<string, string> users) => ServedHost.StartAsync(
        new ServeOptions(
            $"http://127.0.0.1:{LoopbackPort.Free()}",
            new InMemoryStorage(),
            new StagingTarget("sqlite", "", _temp.Combine("out")),
            users,
            2),
        TestContext.Current.CancellationToken);

    private static async Task MigrateAsync(ServedHost served, Fleet fleet)
    {
        var client = new BackgroundJobClient(served.Storage);
        var jobs = FleetEnqueuer.EnqueueAll(client, fleet, FleetSample.Year);
        using var deadline = new CancellationTokenSource(Timeout);
        using var connection = served.Storage.GetConnection();
        while (!jobs.All(j => connection.GetStateData(j)?.Name == "Succeeded"))
        {
            Assert.False(jobs.Any(j => connection.GetStateData(j)?.Name == "Failed"), "A migration job failed.");
            await Task.Delay(100, deadline.Token);
        }
    }

    private static async Task<string> DumpDomAsync(string chromium, string url)
    {
        var start = new ProcessStartInfo(chromium) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run", "--dump-dom", url])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var dom = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var deadline = new CancellationTokenSource(Timeout);
        await process.WaitForExitAsync(deadline.Token);
        Assert.True(dom.Length > 0, $"chromium printed no DOM for {url}: {await error}");
        return dom;
    }

    private static int CountOf(string text, string part)
        => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    private static string Between(string text, string before, string after)
    {
        var start = text.IndexOf(before, text.IndexOf("<tbody>", StringComparison.Ordinal), StringComparison.Ordinal) + before.Length;
        return text[start..text.IndexOf(after, start, StringComparison.Ordinal)];
    }
}
