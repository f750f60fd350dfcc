using System.IO.Compression;
using System.Security.Cryptography;
using Bascule.Jobs.Tests.Hosting;
using Bascule.Jobs.Tests.Privacy;
using Bascule.TestSupport;
using Bascule.TestSupport.Samples;
using Bascule.TestSupport.Staging;
using Microsoft.Playwright;

namespace Bascule.Jobs.Tests.Browser;

/// <summary>
/// The workspace as an accountant uses it, in chromium, against a real <c>bascule serve</c> on each staging engine: she
/// signs in (basic authentication), switches the fleet page to Dutch, opens the held run (its reconciliation FAILED: the
/// control file announces one euro more ledger debit than the lines hold), signs its report off with a comment,
/// publishes it with a reason, sees it published on the fleet page, downloads the evidence pack and checks its manifest.
/// She has no right to personal data: no page, report or file of the pack shows the beneficiary planted in the export.
/// </summary>
public abstract class WorkspaceBrowserTests<TDatabase>(TDatabase database) : StagingSuite<TDatabase>(database)
    where TDatabase : StagingDatabase
{
    private const string User = "marie";
    private const string Password = "correct horse battery staple";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_accountant_signs_and_publishes_a_held_run_and_verifies_its_evidence_pack()
    {
        Database.SkipIfUnavailable();
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var disposePlaywright = playwright;
        await using var disposeBrowser = browser;
        var connection = await CreateConnectionAsync();
        var (published, held) = await MigrateAsync(connection);
        using var serve = await ServeProcess.StartAsync(
            Temp.Path,
            new Dictionary<string, string>
            {
                [$"BASCULE_DASHBOARD__USERS__{User}"] = Password,
                ["BASCULE_ACCESS__ACCOUNTANTS__0"] = User,
            },
            "--provider", Provider, "--connection", connection, "--workers", "1");
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            HttpCredentials = new HttpCredentials { Username = User, Password = Password },
            AcceptDownloads = true,
            Locale = "fr-BE",
        });
        var page = await context.NewPageAsync();
        var shown = new List<string>();

        // The fleet, in French (the browser's language), then in Dutch.
        await page.GotoAsync(serve.Url + "/");
        Assert.Equal("fr", await page.GetAttributeAsync("html", "lang"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Nederlands" }).ClickAsync();
        await page.WaitForURLAsync("**/?lang=nl");
        Assert.Equal("nl", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("Uitvoeringen per entiteit en boekjaar", await page.Locator("h1").InnerTextAsync());
        var row = page.Locator("#fleet tbody tr").Filter(new() { HasText = "2023" });
        Assert.Equal(published, await row.GetAttributeAsync("data-published"));
        shown.Add(await page.ContentAsync());

        // The held run: its page, in Dutch (the choice is remembered), signed off with a comment, then published.
        await row.Locator($"a[href='/runs/{held}']").ClickAsync();
        Assert.Equal("nl", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("held", await page.GetAttributeAsync("#run", "data-status"));
        await page.Locator("#sign-comment").FillAsync("Het verschil van 1 EUR komt uit het controlebestand van de oude export.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aftekenen", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**?done=signoffs");
        var signOff = page.Locator("#signoffs tbody tr");
        Assert.Equal(1, await signOff.CountAsync());
        Assert.Contains(User, await signOff.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("boekhouder", await signOff.InnerTextAsync(), StringComparison.Ordinal);
        // The report read is the run's HTML report, as served.
        var report = await context.APIRequest.GetAsync($"{serve.Url}/runs/{held}/reconciliation.html");
        var reportBody = await report.BodyAsync();
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(reportBody)), await signOff.InnerTextAsync(), StringComparison.Ordinal);
        shown.Add(System.Text.Encoding.UTF8.GetString(reportBody));

        await page.Locator("#publish-comment").FillAsync("Aanvaard: afronding van 1 EUR in de oude controletotalen.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aftekenen en publiceren" }).ClickAsync();
        await page.WaitForURLAsync("**?done=publish");
        Assert.Equal("published", await page.GetAttributeAsync("#run", "data-status"));
        Assert.Equal(2, await page.Locator("#signoffs tbody tr").CountAsync());
        shown.Add(await page.ContentAsync());

        // The fleet page shows the held run published, no longer held.
        await page.GetByRole(AriaRole.Link, new() { Name = "Uitvoeringen per entiteit en boekjaar" }).First.ClickAsync();
        row = page.Locator("#fleet tbody tr").Filter(new() { HasText = "2023" });
        Assert.Equal(held, await row.GetAttributeAsync("data-published"));
        Assert.Equal(0, await row.Locator("td.held-runs a").CountAsync());
        shown.Add(await page.ContentAsync());

        // The evidence pack: every file listed in its manifest with its SHA-256, and nothing else.
        var download = await page.RunAndWaitForDownloadAsync(
            () => row.GetByRole(AriaRole.Link, new() { Name = "Bewijsdossier (ZIP)" }).ClickAsync());
        var zip = Temp.Combine("evidence.zip");
        await download.SaveAsAsync(zip);
        using (var archive = await ZipFile.OpenReadAsync(zip, Ct))
        {
            var files = archive.Entries.Where(e => !e.FullName.EndsWith('/')).ToList();
            var manifest = await ReadAsync(Assert.Single(files, e => e.FullName == "MANIFEST.sha256"));
            var listed = manifest.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => (Hash: l[..64], Name: l[66..]))
                .ToDictionary(l => l.Name, l => l.Hash, StringComparer.Ordinal);
            Assert.Equal(
                files.Select(f => f.FullName).Where(n => n != "MANIFEST.sha256").Order(StringComparer.Ordinal),
                listed.Keys.Order(StringComparer.Ordinal));
            foreach (var file in files.Where(f => f.FullName != "MANIFEST.sha256"))
            {
                await using var stream = await file.OpenAsync(Ct);
                Assert.Equal(listed[file.FullName], Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, Ct)));
                if (!file.FullName.EndsWith(".xlsx", StringComparison.Ordinal))
                {
                    shown.Add(await ReadAsync(file));
                }
            }

            Assert.Contains(files, f => f.FullName.EndsWith($"{held}/reconciliation.html", StringComparison.Ordinal));
        }

        // No right to personal data: the beneficiary's name is nowhere she looked.
        Assert.All(shown, text => Assert.False(PlantedBeneficiary.ShowsName(text), "a page or file shows the beneficiary's name"));
        // The rejected line that names her is there, masked: the pages and files above are those that would show her.
        Assert.Contains(shown, text => text.Contains(PlantedBeneficiary.BadAmountLineMasked, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_accountant_follows_a_new_account_to_its_legacy_accounts_and_to_a_line_with_its_raw_text_and_rule()
    {
        Database.SkipIfUnavailable();
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var disposePlaywright = playwright;
        await using var disposeBrowser = browser;
        var connection = await CreateConnectionAsync();
        var (published, _) = await MigrateAsync(connection);
        using var serve = await ServeProcess.StartAsync(
            Temp.Path,
            new Dictionary<string, string> { [$"BASCULE_DASHBOARD__USERS__{User}"] = Password, ["BASCULE_ACCESS__ACCOUNTANTS__0"] = User },
            "--provider", Provider, "--connection", connection, "--workers", "1");
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            HttpCredentials = new HttpCredentials { Username = User, Password = Password },
            Locale = "fr-BE",
        });
        var page = await context.NewPageAsync();

        // Fleet → the published run: its reconciliation is on its page, in the reader's language.
        await page.GotoAsync(serve.Url + "/");
        await page.Locator($"#fleet a[href='/runs/{published}']").First.ClickAsync();
        Assert.Equal("fr", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal(1, await page.Locator("#reconciliation #target-accounts").CountAsync());

        // A new account: its lines, every one of them on that account.
        var account = page.Locator("#target-accounts > tbody > tr").Filter(new() { Has = page.Locator("details table tbody tr") }).First;
        var target = (await account.Locator("summary a").InnerTextAsync()).Trim();
        await account.Locator("summary a").ClickAsync();
        Assert.Contains(target, await page.Locator("#lines caption").InnerTextAsync(), StringComparison.Ordinal);
        var targets = await page.Locator("#lines tbody tr td:nth-child(9)").AllInnerTextsAsync();
        Assert.NotEmpty(targets);
        Assert.All(targets, t => Assert.StartsWith(target + " /", t, StringComparison.Ordinal));

        // Back on the run: the legacy accounts that feed it, and one of them followed to its lines.
        await page.Locator("#back-to-run").ClickAsync();
        account = page.Locator("#target-accounts > tbody > tr").Filter(new() { Has = page.Locator($"summary a:text-is('{target}')") });
        await account.Locator("details").EvaluateAsync("d => d.open = true");
        var legacy = account.Locator("details table tbody tr a").First;
        var legacyAccount = (await legacy.InnerTextAsync()).Trim();
        await legacy.ClickAsync();
        Assert.Contains(legacyAccount, await page.Locator("#lines caption").InnerTextAsync(), StringComparison.Ordinal);

        // A line: its file and line number lead to the export's own line, its raw text shown exactly as it stands there (read
        // here from the file itself, decoded from Windows-1252), with its rule and why.
        var line = page.Locator("#lines tbody tr").First;
        var file = (await line.Locator("th").InnerTextAsync()).Trim();
        var number = int.Parse(await line.Locator("td").Nth(0).InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        var exported = IndependentExportReader.RawRecords(Temp.Combine("planted"), file).Single(r => r.Line == number).Text;
        Assert.Equal(exported, await line.Locator("td.text").TextContentAsync());
        Assert.Contains(legacyAccount, exported, StringComparison.Ordinal);
        var rule = await line.Locator("td:nth-child(8)").InnerTextAsync();
        Assert.Matches(@"^\S+\s+\S", rule.Trim());
        Assert.Contains(
            (await line.Locator("td:nth-child(8) strong").InnerTextAsync()).Trim(),
            await File.ReadAllTextAsync(Temp.Combine("mappings", "bxl-2024", "1.0.0", "rules.csv"), Ct),
            StringComparison.Ordinal);
    }

    /// <summary>
    /// Two runs of the CPAS 2023 with a beneficiary planted in its export, by real <c>bascule migrate</c> processes in the
    /// test's folder (reports under out/runs, as serve finds them): one published, then one whose reconciliation FAILED, held.
    /// </summary>
    private async Task<(string Published, string Held)> MigrateAsync(string connection)
    {
        // The mappings tree where serve's evidence pack looks for the runs' versions: its working folder's.
        var mapping = Path.Combine(MappingsCopy.To(Temp.Combine("mappings")), "bxl-2024", "1.0.0");

        await PlantedBeneficiary.WriteAsync(Temp.Combine("planted"));
        var failing = await ExportCopies.OneEuroMoreLedgerDebitAsync(Temp.Combine("planted"), Temp.Combine("failing"));
        string[] Migrate(string export)
            => ["migrate", "--export", export, "--mapping", mapping, "--provider", Provider, "--connection", connection];
        var (ok, okOutput) = await CliProcess.RunAsync(Temp.Path, Migrate(Temp.Combine("planted")), Ct);
        Assert.True(ok == 0, okOutput);
        var (failed, failedOutput) = await CliProcess.RunAsync(Temp.Path, Migrate(failing), Ct);
        Assert.True(failed == 2, failedOutput);
        var runs = Directory.GetDirectories(Temp.Combine("out", "runs")).Select(Path.GetFileName).OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(2, runs.Count);
        // Run ids are UUID v7: in the order they started.
        return (runs[0], runs[1]);
    }

    private static async Task<string> ReadAsync(ZipArchiveEntry entry)
    {
        await using var stream = await entry.OpenAsync(Ct);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(Ct);
    }
}

public sealed class SqliteWorkspaceBrowserTests(SqliteDatabase database) : WorkspaceBrowserTests<SqliteDatabase>(database);

public sealed class PostgresWorkspaceBrowserTests(PostgresDatabase database) : WorkspaceBrowserTests<PostgresDatabase>(database);

public sealed class SqlServerWorkspaceBrowserTests(SqlServerDatabase database) : WorkspaceBrowserTests<SqlServerDatabase>(database);
