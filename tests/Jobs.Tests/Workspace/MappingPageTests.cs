using System.Net;
using System.Text.RegularExpressions;
using Bascule.Jobs.Composition;
using Bascule.Jobs.Hosting;
using Bascule.Jobs.Tests.Hosting;
using Bascule.TestSupport;
using Bascule.TestSupport.Staging;
using Bascule.Transform;
using Hangfire;
using Hangfire.InMemory;

namespace Bascule.Jobs.Tests.Workspace;

/// <summary>
/// The mapping page of a run (<c>/runs/{run}/mapping</c>) on <c>serve</c>'s host, after a real job: in French and Dutch,
/// every rule of the version either used (with its justification and euros) or listed apart as never used; and with a
/// mappings folder that does not hold the version, the page says so and still shows the euros per rule. Run once per provider.
/// </summary>
public abstract partial class MappingPageTests<TDatabase>(TDatabase database) : StagingSuite<TDatabase>(database)
    where TDatabase : StagingDatabase
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string ShippedVersion => RepositoryRoot.Combine("mappings", "bxl-2024", "1.0.0");

    [Fact]
    public async Task The_page_shows_every_rule_used_with_its_justification_and_the_rules_never_used_apart_in_french_and_dutch()
    {
        var version = MappingVersion.Load(ShippedVersion);
        await using var served = await ServeAsync(RepositoryRoot.Combine("mappings"));
        using var reader = new HttpClient { BaseAddress = new Uri(served.Url) };
        var run = RunOf(await reader.GetStringAsync("/", Ct));

        var runPage = await reader.GetStringAsync($"/runs/{run}", Ct);
        var french = WebUtility.HtmlDecode(await reader.GetStringAsync($"/runs/{run}/mapping?lang=fr", Ct));
        var dutch = WebUtility.HtmlDecode(await reader.GetStringAsync($"/runs/{run}/mapping?lang=nl", Ct));

        Assert.Contains($"href=\"/runs/{run}/mapping\"", runPage, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"fr\">", french, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"nl\">", dutch, StringComparison.Ordinal);
        Assert.Contains(version.Identity.Sha256, french, StringComparison.Ordinal);
        Assert.Contains("data-folder=\"found\"", french, StringComparison.Ordinal);
        Assert.Contains("a bien le SHA-256 enregistré par l'exécution", french, StringComparison.Ordinal);
        Assert.Contains("heeft wel degelijk de SHA-256", dutch, StringComparison.Ordinal);
        // The shipped version carries no approval: the run recorded none, and the page says what that means.
        Assert.Contains("NON APPROUVÉE", french, StringComparison.Ordinal);
        Assert.Contains("NIET GOEDGEKEURD", dutch, StringComparison.Ordinal);

        var used = RuleIds(Table(french, "rules-used"));
        var neverUsed = RuleIds(Table(french, "rules-never-used"));
        Assert.NotEmpty(used);
        Assert.NotEmpty(neverUsed);
        Assert.Empty(used.Intersect(neverUsed));
        Assert.Equal(version.Rules.Select(r => r.Id).Order(StringComparer.Ordinal), used.Concat(neverUsed).Order(StringComparer.Ordinal));
        foreach (var rule in version.Rules)
        {
            Assert.Contains(rule.Justification, french, StringComparison.Ordinal);
        }

        Assert.Contains("<caption>Règles appliquées dans cette exécution", french, StringComparison.Ordinal);
        Assert.Contains(
            "<caption>Regels van de versie die in deze uitvoering geen enkele lijn gestaged hebben</caption>",
            dutch,
            StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">Verantwoording</th>", dutch, StringComparison.Ordinal);
        Assert.Equal(used, RuleIds(Table(dutch, "rules-used")));
        // Each used rule's lines lead to its drill-down list.
        Assert.All(
            used,
            rule => Assert.Contains($"href=\"/runs/{run}/lines?rule={Uri.EscapeDataString(rule)}\"", french, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_mappings_folder_without_the_version_is_explained_and_the_euros_per_rule_still_show()
    {
        Directory.CreateDirectory(Temp.Combine("empty-mappings"));
        await using var served = await ServeAsync(Temp.Combine("empty-mappings"));
        using var reader = new HttpClient { BaseAddress = new Uri(served.Url) };
        var run = RunOf(await reader.GetStringAsync("/", Ct));

        var response = await reader.GetAsync($"/runs/{run}/mapping?lang=fr", Ct);
        var french = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        var dutch = WebUtility.HtmlDecode(await reader.GetStringAsync($"/runs/{run}/mapping?lang=nl", Ct));
        var unknown = await reader.GetAsync($"/runs/{Guid.NewGuid()}/mapping", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-folder=\"missing\"", french, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"><p>Le dossier de cette version est introuvable", french, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"><p>De map van deze versie is niet te vinden", dutch, StringComparison.Ordinal);
        Assert.NotEmpty(RuleIds(Table(french, "rules-used")));
        Assert.DoesNotContain("rules-never-used", french, StringComparison.Ordinal);
        Assert.DoesNotContain("Verantwoording", dutch, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static string Table(string page, string id)
    {
        var start = page.IndexOf($"<table id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"the page has no table {id}");
        return page[start..page.IndexOf("</table>", start, StringComparison.Ordinal)];
    }

    private static List<string> RuleIds(string table) => [.. RuleRow().Matches(table).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("<tr data-rule=\"([^\"]+)\"")]
    private static partial Regex RuleRow();

    private static string RunOf(string fleetPage) => Regex.Match(fleetPage, "data-published=\"([0-9a-f-]{36})\"").Groups[1].Value;

    // A serve without users (the local reader), one entity migrated by a real job before the test reads the pages.
    private async Task<ServedHost> ServeAsync(string mappingsRoot)
    {
        var fleet = FleetSample.Write(Temp, entities: 1);
        var served = await ServedHost.StartAsync(
            new ServeOptions(
                $"http://127.0.0.1:{LoopbackPort.Free()}",
                new InMemoryStorage(),
                new StagingTarget(Provider, await CreateConnectionAsync(), Temp.Combine("out")),
                new Dictionary<string, string>(),
                1)
            {
                ReaderAccess = new AccessOptions(),
                MappingsRoot = mappingsRoot,
            },
            Ct);
        var job = FleetEnqueuer.Enqueue(new BackgroundJobClient(served.Storage), fleet.Entities[0], FleetSample.Year);
        using var deadline = new CancellationTokenSource(Timeout);
        using var connection = served.Storage.GetConnection();
        while (connection.GetStateData(job)?.Name != "Succeeded")
        {
            await Task.Delay(100, deadline.Token);
        }

        return served;
    }
}

public sealed class SqliteMappingPageTests(SqliteDatabase database) : MappingPageTests<SqliteDatabase>(database);

public sealed class PostgresMappingPageTests(PostgresDatabase database) : MappingPageTests<PostgresDatabase>(database);

public sealed class SqlServerMappingPageTests(SqlServerDatabase database) : MappingPageTests<SqlServerDatabase>(database);
