using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Bascule.Jobs.Hosting;
using Bascule.Jobs.Tests.Cli;
using Bascule.Load.Providers;
using Bascule.Load.Runs;
using Bascule.Reconcile.DrillDown;
using Bascule.TestSupport;
using Bascule.TestSupport.Samples;
using Bascule.TestSupport.Staging;
using Hangfire.InMemory;
using Microsoft.AspNetCore.Builder;

namespace Bascule.Jobs.Tests.Workspace;

/// <summary>
/// The drill-down pages of a real <c>serve</c> host on 127.0.0.1, over a run of the commune sample migrated into the staging database:
/// a list followed page by page through its "next" links gives every line of the account once, the page declares its
/// language and labels its table, and the CSV download holds the whole list. Run once per provider.
/// </summary>
public abstract partial class DrillDownPageTests<TDatabase>(TDatabase database) : StagingSuite<TDatabase>(database)
    where TDatabase : StagingDatabase
{
    private const string Suppliers = "4400000";
    private readonly List<WebApplication> _hosts = [];
    private readonly List<HttpClient> _clients = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Following_the_next_links_lists_every_line_of_an_account_once_and_the_CSV_holds_them_all()
    {
        var (http, run) = await ServeAsync();
        var expected = Records().Count(r => r["COMPTE_GENERAL"] == Suppliers);

        var keys = new List<string>();
        var link = $"/runs/{run}/lines?legacy={Suppliers}&size=50";
        var pages = 0;
        string page;
        do
        {
            page = await http.GetStringAsync(WebUtility.HtmlDecode(link), Ct);
            keys.AddRange(Key().Matches(page).Select(m => m.Groups[1].Value));
            pages++;
            link = Next().Match(page) is { Success: true } next ? next.Groups[1].Value : "";
        }
        while (link.Length > 0);

        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(expected, keys.Select(k => k.Split('.')[0]).Distinct().Count());
        Assert.True(pages > 1);
        Assert.Contains("<html lang=\"fr\">", page, StringComparison.Ordinal);
        Assert.Contains("<caption>", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">Compte</th>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);

        var csv = await http.GetAsync($"/runs/{run}/lines.csv?legacy={Suppliers}&size=50&after=999999.1.ECRITURES.csv", Ct);
        var bytes = await csv.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes.Take(3));
        // The whole list whatever page the link came from: one row per listed line, each ending with the mapping's SHA-256
        // (a label may hold a line break, so rows are not counted by lines).
        var sha = Sha().Match(page).Groups[1].Value;
        var text = Encoding.UTF8.GetString(bytes);
        Assert.Equal(keys.Count, (text.Length - text.Replace($";{sha}\r\n", "", StringComparison.Ordinal).Length) / (sha.Length + 3));
    }

    [Fact]
    public async Task A_page_speaks_its_readers_language_and_refuses_what_it_cannot_read()
    {
        var (http, run) = await ServeAsync();

        var dutch = await http.GetStringAsync($"/runs/{run}/lines?target=440000&lang=nl", Ct);
        var twoLists = await http.GetAsync($"/runs/{run}/lines?legacy={Suppliers}&target=440000", Ct);
        var unknown = await http.GetAsync($"/runs/{Guid.CreateVersion7()}/lines?unmapped", Ct);
        var noList = await http.GetStringAsync($"/runs/{run}/lines?check=targetAccounts:debit", Ct);

        Assert.Contains("<html lang=\"nl\">", dutch, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">Rekening</th>", dutch, StringComparison.Ordinal);
        Assert.Contains("Regels van de nieuwe rekening 440000", dutch, StringComparison.Ordinal);
        // The other language, for the same list.
        Assert.Contains("<a href=\"?target=440000&amp;lang=fr\" hreflang=\"fr\"", dutch, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, twoLists.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.DoesNotContain("<table", noList, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", noList, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_loaded_before_raw_text_was_kept_shows_each_line_rebuilt_after_a_note_in_the_readers_language()
    {
        // As a run loaded before V009 left its lines: no raw text.
        var (http, run) = await ServeAsync(async staging =>
        {
            await StagingDatabase.ExecuteAsync(staging, "UPDATE staged_lines SET raw_text = NULL");
            await StagingDatabase.ExecuteAsync(staging, "UPDATE unmapped_lines SET raw_text = NULL");
        });

        var french = WebUtility.HtmlDecode(await http.GetStringAsync($"/runs/{run}/lines?legacy={Suppliers}&lang=fr", Ct));
        var dutch = WebUtility.HtmlDecode(await http.GetStringAsync($"/runs/{run}/lines?legacy={Suppliers}&lang=nl", Ct));

        var rows = Key().Count(french);
        Assert.True(rows > 0);
        Assert.Equal(rows, french.Split(DrillCsv.RawTextNotKept.French).Length - 1);
        Assert.Equal(rows, dutch.Split(DrillCsv.RawTextNotKept.Dutch).Length - 1);
    }

    /// <summary>Stops the hosts before the suite's own cleanup deletes their folders.</summary>
    protected override async ValueTask DisposeAsyncCore()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        foreach (var host in _hosts)
        {
            await host.StopAsync(CancellationToken.None);
            await host.DisposeAsync();
        }

        await base.DisposeAsyncCore();
    }

    private static List<Dictionary<string, string>> Records() =>
        IndependentExportReader.Table(RepositoryRoot.Combine("samples", "commune-etterbeek-2023"), "ECRITURES.csv");

    [Fact]
    public async Task Serve_builds_the_drill_down_indexes_a_migrate_left_out_and_migrate_builds_its_runs_and_drops_the_superseded_ones()
    {
        var database = await CreateConnectionAsync();
        var target = new StagingTarget(Provider, database, Temp.Combine("out"));
        var export = RepositoryRoot.Combine("samples", "commune-etterbeek-2023");
        var mapping = RepositoryRoot.Combine("mappings", "bxl-2024", "1.0.0");
        var (exit, stdout, stderr) = await CliStreams.RunAsync(
            "migrate", "--export", export, "--mapping", mapping, "--provider", Provider, "--connection", database, "--out", Temp.Combine(
                "out-1"),
            "--no-drill-indexes");
        Assert.True(exit == 0, stdout + stderr);
        Assert.DoesNotContain("drill-down indexes", stdout, StringComparison.Ordinal);
        await using var staging = target.Open();
        var first = (await RunList.ReadAsync(staging, Ct)).Single().Id;
        Assert.Empty(await DrillIndexNamesAsync(staging));

        // serve builds them in the background once it has started.
        var app = ServeHost.Build(new ServeOptions(
            $"http://127.0.0.1:{LoopbackPort.Free()}",
            new InMemoryStorage(),
            target,
            new Dictionary<string, string>(),
            1)
        {
            MappingsRoot = RepositoryRoot.Combine("mappings"),
        });
        await app.StartAsync(Ct);
        while ((await DrillIndexNamesAsync(staging)).Count < DrillIndexes.Lists.Count)
        {
            await Task.Delay(200, Ct);
        }

        await app.StopAsync(Ct);
        await app.DisposeAsync();
        Assert.All(await DrillIndexNamesAsync(staging), name => Assert.Equal(first, DrillIndexes.RunOf(name)));

        // A migrate builds its run's once published, and drops those of the run it superseded.
        (exit, stdout, stderr) = await CliStreams.RunAsync(
            "migrate", "--export", export, "--mapping", mapping, "--provider", Provider, "--connection", database, "--out", Temp.Combine(
                "out-2"));
        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains($"drill-down indexes: {DrillIndexes.Lists.Count} built in", stdout, StringComparison.Ordinal);
        var second = (await RunList.ReadAsync(staging, Ct)).Single(r => r.Id != first).Id;
        var names = await DrillIndexNamesAsync(staging);
        Assert.Equal(DrillIndexes.Lists.Count, names.Count);
        Assert.All(names, name => Assert.Equal(second, DrillIndexes.RunOf(name)));
    }

    private static async Task<List<string>> DrillIndexNamesAsync(Load.Providers.IStagingProvider staging)
    {
        await using var connection = await staging.OpenAsync(Ct);
        return (await DrillIndexes.ExistingAsync(connection, staging.Kind, Ct)).Select(i => i.Name).ToList();
    }

    // The run migrated, then changed by alter (when given) before serve starts.
    private async Task<(HttpClient Http, RunId Run)> ServeAsync(Func<IStagingProvider, Task>? alter = null)
    {
        var connection = await CreateConnectionAsync();
        var (exit, stdout, stderr) = await CliStreams.RunAsync(
            "migrate", "--export", RepositoryRoot.Combine("samples", "commune-etterbeek-2023"), "--mapping", RepositoryRoot.Combine(
                "mappings",
                "bxl-2024",
                "1.0.0"),
            "--provider", Provider, "--connection", connection, "--out", Temp.Combine("out-run"));
        Assert.True(exit == 0, stdout + stderr);
        if (alter is not null)
        {
            await using var altered = Open(connection);
            await alter(altered);
        }

        var url = $"http://127.0.0.1:{LoopbackPort.Free()}";
        var app = ServeHost.Build(new ServeOptions(
            url,
            new InMemoryStorage(),
            new StagingTarget(Provider, connection, Temp.Combine("out")),
            new Dictionary<string, string>(),
            1)
        {
            MappingsRoot = RepositoryRoot.Combine("mappings"),
        });
        await app.StartAsync(Ct);
        _hosts.Add(app);
        await using var staging = Open(connection);
        var runs = await RunList.ReadAsync(staging, Ct);
        var http = new HttpClient { BaseAddress = new Uri(url) };
        _clients.Add(http);
        return (http, runs.Single().Id);
    }

    [GeneratedRegex("<tr class=\"[a-z]+\" data-key=\"([^\"]+)\"")]
    private static partial Regex Key();

    [GeneratedRegex("<code>([0-9a-f]{64})</code>")]
    private static partial Regex Sha();

    [GeneratedRegex("<a href=\"([^\"]+)\" rel=\"next\">")]
    private static partial Regex Next();
}

public sealed class SqliteDrillDownPageTests(SqliteDatabase database) : DrillDownPageTests<SqliteDatabase>(database);

public sealed class PostgresDrillDownPageTests(PostgresDatabase database) : DrillDownPageTests<PostgresDatabase>(database);

public sealed class SqlServerDrillDownPageTests(SqlServerDatabase database) : DrillDownPageTests<SqlServerDatabase>(database);
