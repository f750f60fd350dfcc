using System.Globalization;
using System.Text.Json;
using Bascule.Jobs.Tests.Hosting;
using Bascule.Load.Providers;
using Bascule.TestSupport;
using Bascule.TestSupport.Staging;
using Dapper;
using Microsoft.Playwright;

namespace Bascule.Jobs.Tests.Browser;

/// <summary>
/// The mapping page of a run as an auditor reads it, in chromium, against a real <c>bascule serve</c> on each staging
/// engine, whose mappings tree is given with <c>--mappings</c> (its working folder has none): the version and SHA-256
/// are those the run recorded and the folder still holds them; a rule's line count leads to lines that each show that
/// rule; the rules listed as never used are exactly the rules of the file that no staged line of the run carries.
/// </summary>
public abstract class MappingPageBrowserTests<TDatabase>(TDatabase database) : StagingSuite<TDatabase>(database)
    where TDatabase : StagingDatabase
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_auditor_finds_the_runs_mapping_follows_a_rule_to_its_lines_and_sees_the_rules_never_used()
    {
        Database.SkipIfUnavailable();
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var disposePlaywright = playwright;
        await using var disposeBrowser = browser;
        var connection = await CreateConnectionAsync();
        var mappings = MappingsCopy.To(Temp.Combine("audit", "mappings"));
        var version = Path.Combine(mappings, "bxl-2024", "1.0.0");
        var (exit, output) = await CliProcess.RunAsync(
            Temp.Path, ["migrate", "--export", RepositoryRoot.Combine(
                "samples",
                "commune-etterbeek-2023"), "--mapping", version, "--provider", Provider, "--connection", connection], Ct);
        Assert.True(exit == 0, output);
        var run = Assert.Single(Directory.GetDirectories(Temp.Combine("out", "runs")).Select(Path.GetFileName).OfType<string>());
        using var recorded = JsonDocument.Parse(await File.ReadAllTextAsync(Temp.Combine("out", "runs", run, "reconciliation.json"), Ct));
        var mapping = recorded.RootElement.GetProperty("mapping");

        // Serve from a folder without mappings/: only --mappings tells it where the versions are.
        Directory.CreateDirectory(Temp.Combine("serve"));
        using var serve = await ServeProcess.StartAsync(
            Temp.Combine("serve"),
            "--provider",
            Provider,
            "--connection",
            connection,
            "--workers",
            "1",
            "--mappings",
            mappings);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "fr-BE" });
        var page = await context.NewPageAsync();

        // From the run's page to its mapping: version and SHA-256 as the run recorded them, found in the folder by that hash.
        await page.GotoAsync($"{serve.Url}/runs/{run}");
        await page.Locator($"a[href='/runs/{run}/mapping']").First.ClickAsync();
        await page.WaitForURLAsync($"**/runs/{run}/mapping");
        Assert.Equal("fr", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal(
            mapping.GetProperty("version").GetString(),
            (await page.Locator("#mapping tr").Nth(1).Locator("td").InnerTextAsync()).Trim());
        Assert.Equal(mapping.GetProperty("sha256").GetString(), (await page.Locator("#mapping-sha256").InnerTextAsync()).Trim());
        Assert.Equal("found", await page.GetAttributeAsync("#mapping", "data-folder"));
        Assert.Contains("SHA-256", await page.Locator("#folder-state").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Temp.Combine("mapping.png"), FullPage = true });

        // The rules never used: the file's rules that no staged line of the run carries, read from the database itself.
        var staged = await RulesStagedAsync(connection, run);
        var fileRules = RuleIds(Path.Combine(version, "rules.csv"));
        var neverUsed = (await page.Locator("#rules-never-used tbody tr")
            .EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.rule)")).ToList();
        Assert.NotEmpty(neverUsed);
        Assert.Equal(fileRules.Except(staged).Order(StringComparer.Ordinal), neverUsed.Order(StringComparer.Ordinal));
        var used = await page.Locator("#rules-used tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.rule)");
        Assert.Equal(staged.Order(StringComparer.Ordinal), used.Order(StringComparer.Ordinal));

        // A rule's line count (the smallest that fits one page) leads to exactly that many lines, each showing that rule.
        var counts = new List<(string Rule, int Lines)>();
        foreach (var row in await page.Locator("#rules-used tbody tr").AllAsync())
        {
            var shown = (await row.Locator("td.num a").InnerTextAsync()).Trim().Replace(".", "", StringComparison.Ordinal);
            counts.Add(((await row.GetAttributeAsync("data-rule"))!, int.Parse(shown, CultureInfo.InvariantCulture)));
        }

        var (rule, lines) = counts.Where(c => c.Lines is > 1 and <= 100).MinBy(c => c.Lines);
        await page.Locator($"#rules-used tr[data-rule='{rule}'] td.num a").ClickAsync();
        await page.WaitForURLAsync($"**/runs/{run}/lines?rule={Uri.EscapeDataString(rule)}");
        var rulesShown = await page.Locator("#lines tbody tr td:nth-child(8) strong").AllInnerTextsAsync();
        Assert.Equal(lines, rulesShown.Count);
        Assert.All(rulesShown, r => Assert.Equal(rule, r.Trim()));
        await page.ScreenshotAsync(new() { Path = Temp.Combine("rule-lines.png"), FullPage = true });
    }

    private async Task<List<string>> RulesStagedAsync(string connection, string run)
    {
        await using var provider = StagingProviders.Create(Provider, connection, Temp.Path);
        await using var db = await provider.OpenAsync(Ct);
        var rules = await db.QueryAsync<string>(
            new CommandDefinition("SELECT DISTINCT rule_id FROM staged_lines WHERE run_id = @run", new { run }, cancellationToken: Ct));
        return [.. rules];
    }

    // The rules file read as the mappings README describes it: ';'-separated, a header, '#' lines are comments.
    private static List<string> RuleIds(string rulesFile) =>
        [.. CsvText.Rows(string.Join('\n', File.ReadLines(rulesFile).Where(l => !l.StartsWith('#')))).Skip(1).Where(r => r[0].Length > 0)
            .Select(r => r[0])];
}

public sealed class SqliteMappingPageBrowserTests(SqliteDatabase database) : MappingPageBrowserTests<SqliteDatabase>(database);

public sealed class PostgresMappingPageBrowserTests(PostgresDatabase database) : MappingPageBrowserTests<PostgresDatabase>(database);

public sealed class SqlServerMappingPageBrowserTests(SqlServerDatabase database) : MappingPageBrowserTests<SqlServerDatabase>(database);
