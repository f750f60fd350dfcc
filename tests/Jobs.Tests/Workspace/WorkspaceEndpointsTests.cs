using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Bascule.Jobs.Composition;
using Bascule.Jobs.Hosting;
using Bascule.Jobs.Tests.Hosting;
using Bascule.TestSupport;
using Bascule.TestSupport.Staging;
using Hangfire;
using Hangfire.InMemory;

namespace Bascule.Jobs.Tests.Workspace;

/// <summary>
/// The workspace's roles and actions on <c>serve</c>'s host: what an operator, an accountant and the local reader of a
/// <c>serve</c> without users may do, and a job that failed before it created a run, on the fleet page. Run once per provider.
/// </summary>
public abstract partial class WorkspaceEndpointsTests<TDatabase>(TDatabase database) : StagingSuite<TDatabase>(database)
    where TDatabase : StagingDatabase
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Roles_come_from_the_access_settings_and_only_accountants_and_auditors_sign_or_download_evidence()
    {
        var fleet = FleetSample.Write(Temp, entities: 1);
        var access = new AccessOptions { Accountants = ["alice"], Operators = ["olivier"] };
        await using var served = await ServeAsync(new Dictionary<string, string> { ["alice"] = "a-pass", ["olivier"] = "o-pass" }, access);
        await RunAsync(served, fleet.Entities[0]);
        using var alice = Client(served, "alice", "a-pass");
        using var olivier = Client(served, "olivier", "o-pass");

        var run = RunOf(await alice.GetStringAsync("/", Ct));
        var aliceRun = await alice.GetStringAsync($"/runs/{run}", Ct);
        var olivierRun = await olivier.GetStringAsync($"/runs/{run}", Ct);
        var aliceEvidence = await alice.GetAsync($"/runs/{run}/evidence", Ct);
        var olivierEvidence = await olivier.GetAsync($"/runs/{run}/evidence", Ct);
        // An operator posting the form anyway is refused for who they are.
        var olivierPost = await PostAsync(olivier, run, "signoffs", null, "Vu.");

        Assert.Contains("<form method=\"post\" action=\"/runs/", aliceRun, StringComparison.Ordinal);
        Assert.Contains("Dossier de preuves (ZIP)", aliceRun, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, aliceEvidence.StatusCode);
        Assert.Equal("application/zip", aliceEvidence.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("<form", olivierRun, StringComparison.Ordinal);
        Assert.DoesNotContain("Dossier de preuves (ZIP)", olivierRun, StringComparison.Ordinal);
        Assert.Contains("Seuls un comptable ou un auditeur signent", olivierRun, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, olivierEvidence.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, olivierPost.StatusCode);
        Assert.Contains(
            "Aucune signature pour l'instant.",
            WebUtility.HtmlDecode(await alice.GetStringAsync($"/runs/{run}", Ct)),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sign_off_needs_the_token_of_the_signer_and_a_comment_when_the_reconciliation_is_not_ok()
    {
        var fleet = FleetSample.Write(Temp, entities: 1);
        var access = new AccessOptions { Accountants = ["alice", "bob"] };
        await using var served = await ServeAsync(new Dictionary<string, string> { ["alice"] = "a-pass", ["bob"] = "b-pass" }, access);
        await RunAsync(served, fleet.Entities[0]);
        using var alice = Client(served, "alice", "a-pass");
        using var bob = Client(served, "bob", "b-pass");
        var run = RunOf(await alice.GetStringAsync("/", Ct));
        var page = await alice.GetStringAsync($"/runs/{run}?lang=nl", Ct);
        var status = Regex.Match(page, "<th scope=\"row\">Reconciliatie</th><td class=\"([A-Z]+)\"").Groups[1].Value;

        var noToken = await PostAsync(alice, run, "signoffs", null, "Nagekeken.");
        // Bob has a page (and an antiforgery cookie) of his own, but posts the token made for Alice.
        await bob.GetStringAsync($"/runs/{run}", Ct);
        var othersToken = await PostAsync(bob, run, "signoffs", Token(page), "Nagekeken.");
        // A form of a page that showed another report (regenerated since) records nothing.
        var otherReport = await PostAsync(alice, run, "signoffs", Token(page), "Nagekeken.", new string('0', 64));
        var noComment = await PostAsync(alice, run, "signoffs", Token(page), "");
        var shownReport = Regex.Match(page, "name=\"report-sha256\" value=\"([0-9a-f]{64})\"").Groups[1].Value;
        var signed = await PostAsync(alice, run, "signoffs", Token(page), "Nagekeken.", shownReport);
        var after = await alice.GetStringAsync($"/runs/{run}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, othersToken.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, otherReport.StatusCode);
        Assert.Contains(
            "werd herschreven sinds u deze pagina opende",
            await otherReport.Content.ReadAsStringAsync(Ct),
            StringComparison.Ordinal);
        // The generated sample's reconciliation decides whether the comment is required: the page said which.
        if (status == "OK")
        {
            Assert.Equal(HttpStatusCode.SeeOther, noComment.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, noComment.StatusCode);
            Assert.Contains(
                "Er werd niets geregistreerd: de reconciliatie van deze uitvoering is niet OK",
                await noComment.Content.ReadAsStringAsync(Ct),
                StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.SeeOther, signed.StatusCode);
        Assert.Equal($"/runs/{run}?done=signoffs", signed.Headers.Location?.OriginalString);
        Assert.Contains("Nagekeken.", after, StringComparison.Ordinal);
        Assert.Contains(">alice</td>", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_local_reader_of_a_serve_without_users_reads_everything_but_cannot_sign()
    {
        var fleet = FleetSample.Write(Temp, entities: 1);
        await using var served = await ServeAsync(new Dictionary<string, string>(), new AccessOptions());
        await RunAsync(served, fleet.Entities[0]);
        using var local = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(served.Url) };
        var run = RunOf(await local.GetStringAsync("/", Ct));

        var page = await local.GetStringAsync($"/runs/{run}", Ct);
        var evidence = await local.GetAsync($"/runs/{run}/evidence", Ct);
        var post = await PostAsync(local, run, "signoffs", null, "Vu.");

        Assert.DoesNotContain("<form", page, StringComparison.Ordinal);
        Assert.Contains("Pour signer, connectez-vous", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, evidence.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }

    [Fact]
    public async Task A_job_that_failed_before_it_created_a_run_shows_on_the_fleet_page()
    {
        var fleet = FleetSample.Write(Temp, entities: 1);
        var missing = fleet.Entities[0] with { Export = "exports/{year}/nowhere" };
        await using var served = await ServeAsync(new Dictionary<string, string>(), new AccessOptions(), [fleet.Entities[0]]);
        var job = FleetEnqueuer.Enqueue(new BackgroundJobClient(served.Storage), missing, FleetSample.Year);
        await WaitForAsync(served, job, "Failed");
        using var local = new HttpClient { BaseAddress = new Uri(served.Url) };

        var page = WebUtility.HtmlDecode(await local.GetStringAsync("/?lang=nl", Ct));

        var row = page[page.IndexOf(
            $"<tr data-entity=\"{fleet.Entities[0].Type.ToString().ToUpperInvariant()}-{fleet.Entities[0].InsCode}\"",
            StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains(fleet.Entities[0].Name, row, StringComparison.Ordinal);
        Assert.Contains($"href=\"/hangfire/jobs/details/{job}\">mislukt</a>", row, StringComparison.Ordinal);
        Assert.Contains("nowhere", row, StringComparison.Ordinal);
        Assert.Contains("geen gepubliceerd", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_runs_state_is_a_word_of_the_readers_language_on_its_pages_and_in_its_report()
    {
        var fleet = FleetSample.Write(Temp, entities: 1);
        await using var served = await ServeAsync(new Dictionary<string, string> { ["alice"] = "a-pass" }, new AccessOptions
        {
            Accountants = ["alice"],
        });
        await RunAsync(served, fleet.Entities[0]);
        using var alice = Client(served, "alice", "a-pass");
        var run = RunOf(await alice.GetStringAsync("/", Ct));

        foreach (var (language, published) in ((string, string)[])[("fr", "(publiée"), ("nl", "(gepubliceerd")])
        {
            foreach (var page in (string[])[$"/runs/{run}?lang={language}", $"/runs/{run}/lines?unmapped&lang={language}"])
            {
                var text = Visible(await alice.GetStringAsync(page, Ct));
                Assert.Contains(published, text, StringComparison.Ordinal);
                Assert.DoesNotContain("published", text, StringComparison.OrdinalIgnoreCase);
            }
        }

        var report = Visible(await alice.GetStringAsync($"/runs/{run}/reconciliation.html", Ct));
        Assert.Contains("(publiée / gepubliceerd,", report, StringComparison.Ordinal);
        Assert.DoesNotContain("published", report, StringComparison.OrdinalIgnoreCase);
    }

    // What a reader sees of a page: its text without the markup, spaces folded.
    private static string Visible(string html)
    {
        var body = Regex.Replace(html, "<(style|script)[^>]*>.*?</\\1>", " ", RegexOptions.Singleline);
        return Regex.Replace(WebUtility.HtmlDecode(Regex.Replace(body, "<[^>]+>", "")), "\\s+", " ");
    }

    private async Task<ServedHost> ServeAsync(
        IReadOnlyDictionary<string, string> users,
        AccessOptions access,
        IReadOnlyList<FleetEntity>? fleet = null) =>
        await ServedHost.StartAsync(
            new ServeOptions(
                $"http://127.0.0.1:{LoopbackPort.Free()}",
                new InMemoryStorage(),
                new StagingTarget(Provider, await CreateConnectionAsync(), Temp.Combine("out")),
                users,
                1)
            {
                ReaderAccess = access,
                FleetEntities = fleet,
                MappingsRoot = RepositoryRoot.Combine("mappings"),
            },
            Ct);

    private static async Task RunAsync(ServedHost served, FleetEntity entity) =>
        await WaitForAsync(served, FleetEnqueuer.Enqueue(new BackgroundJobClient(served.Storage), entity, FleetSample.Year), "Succeeded");

    private static async Task WaitForAsync(ServedHost served, string job, string state)
    {
        using var deadline = new CancellationTokenSource(Timeout);
        using var connection = served.Storage.GetConnection();
        while (connection.GetStateData(job)?.Name != state)
        {
            await Task.Delay(100, deadline.Token);
        }
    }

    private static HttpClient Client(
        ServedHost served,
        string user,
        string password) => new(new HttpClientHandler { AllowAutoRedirect = false })
    {
        BaseAddress = new Uri(served.Url),
        DefaultRequestHeaders = {
            Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"))) },
    };

    // Each client keeps its own cookies, the antiforgery cookie among them, as a browser does.
    private static Task<HttpResponseMessage> PostAsync(
        HttpClient client, string run, string action, (string Field, string Value)? token, string comment, string? reportSha256 = null)
    {
        var fields = new List<KeyValuePair<string, string>> { new("comment", comment) };
        if (reportSha256 is not null)
        {
            fields.Add(new("report-sha256", reportSha256));
        }

        if (token is { } t)
        {
            fields.Add(new(t.Field, t.Value));
        }

        return client.PostAsync($"/runs/{run}/{action}", new FormUrlEncodedContent(fields), Ct);
    }

    private static string RunOf(string fleetPage) => Regex.Match(fleetPage, "data-published=\"([0-9a-f-]{36})\"").Groups[1].Value;

    private static (string Field, string Value) Token(string page)
    {
        var input = Regex.Match(page, "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\"");
        Assert.True(input.Success, "the page has no form with an antiforgery token");
        return (input.Groups[1].Value, input.Groups[2].Value);
    }
}

public sealed class SqliteWorkspaceEndpointsTests(SqliteDatabase database) : WorkspaceEndpointsTests<SqliteDatabase>(database);

public sealed class PostgresWorkspaceEndpointsTests(PostgresDatabase database) : WorkspaceEndpointsTests<PostgresDatabase>(database);

public sealed class SqlServerWorkspaceEndpointsTests(SqlServerDatabase database) : WorkspaceEndpointsTests<SqlServerDatabase>(database);
