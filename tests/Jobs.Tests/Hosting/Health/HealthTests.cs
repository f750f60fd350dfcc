using System.Net;
using System.Text.Json;
using Bascule.Jobs.Hosting;
using Bascule.Jobs.Hosting.Health;
using Bascule.TestSupport;
using Hangfire.InMemory;
using Npgsql;

namespace Bascule.Jobs.Tests.Hosting.Health;

/// <summary>
/// <c>/health</c> and the pages of <c>serve</c>'s host when a database goes away and comes back: real HTTP requests to
/// the host on 127.0.0.1, a real PostgreSQL cluster stopped and started under it.
/// </summary>
public sealed class HealthTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Health_answers_200_without_authentication_and_shows_only_states()
    {
        await using var app = await StartAsync(
            new StagingTarget("sqlite", "", _temp.Combine("out")),
            users: new Dictionary<string, string> { ["alice"] = "s3cret" });
        using var http = new HttpClient { BaseAddress = new Uri(app.Url) };

        var page = await http.GetAsync("/", TestContext.Current.CancellationToken);
        var health = await http.GetAsync(HealthEndpoint.Path, TestContext.Current.CancellationToken);
        var body = await health.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("""{"status":"Healthy","checks":{"staging":"Healthy","jobStorage":"Healthy","outputSpace":"Healthy"}}""", body);
    }

    [Fact]
    public async Task Health_answers_503_when_the_output_folder_is_short_of_space_and_names_no_path()
    {
        await using var app = await StartAsync(new StagingTarget("sqlite", "", _temp.Combine("out")), minimumFreeBytes: long.MaxValue);
        using var http = new HttpClient { BaseAddress = new Uri(app.Url) };

        var health = await http.GetAsync(HealthEndpoint.Path, TestContext.Current.CancellationToken);
        var body = await health.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("""{"status":"Unhealthy","checks":{"staging":"Healthy","jobStorage":"Healthy","outputSpace":"Unhealthy"}}""", body);
    }

    [Fact]
    public async Task A_staging_database_that_goes_away_gives_503_in_french_and_dutch_and_serve_recovers_when_it_is_back()
    {
        if (PostgresCluster.UnavailableReason() is { } reason)
        {
            Assert.Skip(reason);
        }

        await using var cluster = await PostgresCluster.CreateAsync();
        var staging = new StagingTarget(
            "postgres",
            new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { Pooling = true }.ConnectionString,
            _temp.Combine("out"));
        await using var app = await StartAsync(staging);
        using var http = new HttpClient { BaseAddress = new Uri(app.Url) };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/", TestContext.Current.CancellationToken)).StatusCode);

        await cluster.StopAsync();
        var page = await http.GetAsync("/", TestContext.Current.CancellationToken);
        var pageBody = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var health = await http.GetAsync(HealthEndpoint.Path, TestContext.Current.CancellationToken);
        var healthBody = await health.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Contains("Bascule ne peut pas joindre sa base de données", pageBody, StringComparison.Ordinal);
        Assert.Contains("Bascule kan zijn database op dit moment niet bereiken", pageBody, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", pageBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", pageBody, StringComparison.Ordinal);
        Assert.DoesNotContain(cluster.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), pageBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal(
            """{"status":"Unhealthy","checks":{"staging":"Unhealthy","jobStorage":"Healthy","outputSpace":"Healthy"}}""",
            healthBody);

        await cluster.StartAsync();
        // Nothing to restart: the next requests reach the database again (a pooled connection the outage broke may fail one more).
        Assert.Equal(HttpStatusCode.OK, await EventuallyAsync(http, "/"));
        Assert.Equal(HttpStatusCode.OK, await EventuallyAsync(http, HealthEndpoint.Path));
    }

    public void Dispose() => _temp.Dispose();

    // The status of the first answer that is not 503, asking every 200 ms for up to a minute.
    private static async Task<HttpStatusCode> EventuallyAsync(HttpClient http, string path)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var status = (await http.GetAsync(path, TestContext.Current.CancellationToken)).StatusCode;
            if (status != HttpStatusCode.ServiceUnavailable || deadline.IsCancellationRequested)
            {
                return status;
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    private static Task<ServedHost> StartAsync(
        StagingTarget staging,
        IReadOnlyDictionary<string, string>? users = null,
        long? minimumFreeBytes = null)
    {
        var options = new ServeOptions(
            $"http://127.0.0.1:{LoopbackPort.Free()}",
            new InMemoryStorage(),
            staging,
            users ?? new Dictionary<string, string>(),
            1);
        return ServedHost.StartAsync(
            minimumFreeBytes is { } bytes ? options with { MinimumFreeBytes = bytes } : options,
            TestContext.Current.CancellationToken);
    }
}
