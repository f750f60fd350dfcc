using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bascule.Jobs.Tests.Hosting;
using Bascule.Jobs.Tests.Privacy;
using Bascule.TestSupport;

namespace Bascule.Jobs.Tests.Workspace;

/// <summary>
/// Report files written with personal data shown (<c>Reports:ShowPersonalData</c>), served by a real <c>bascule serve</c>
/// over HTTP to two accountants: the one with the personal-data right gets them as written; the other gets them
/// regenerated, masked, the pages telling her so in her language, and an evidence pack with the reports masked. The same
/// holds for files of an older version, whose <c>reconciliation.json</c> did not record <c>personalDataShown</c>.
/// </summary>
public sealed class PersonalDataReportFilesTests : IDisposable
{
    private const string Allowed = "anna";
    private const string NotAllowed = "marie";
    private const string Password = "correct horse battery staple";
    private readonly TempDirectory _temp = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reports_written_with_personal_data_shown_reach_only_a_reader_with_that_right()
    {
        await PlantedBeneficiary.WriteAsync(_temp.Combine("planted"));
        var database = _temp.Combine("staging.db");
        using (var migrate = CliProcess.Start(
            _temp.Path,
            ["migrate", "--export", _temp.Combine("planted"), "--mapping", RepositoryRoot.Combine(
                "mappings",
                "bxl-2024",
                "1.0.0"), "--connection", database],
            new Dictionary<string, string> { ["BASCULE_REPORTS__SHOWPERSONALDATA"] = "true" }))
        {
            Assert.True(await migrate.WaitForExitAsync(Ct) == 0, migrate.Output);
        }

        var run = Assert.Single(Directory.GetDirectories(_temp.Combine("out", "runs")).Select(Path.GetFileName).OfType<string>());
        Assert.True(
            PlantedBeneficiary.ShowsName(await File.ReadAllTextAsync(_temp.Combine("out", "runs", run, "reconciliation.html"), Ct)),
            "the written report shows the name");
        using var serve = await ServeProcess.StartAsync(
            _temp.Path,
            new Dictionary<string, string>
            {
                [$"BASCULE_DASHBOARD__USERS__{Allowed}"] = Password,
                [$"BASCULE_DASHBOARD__USERS__{NotAllowed}"] = Password,
                ["BASCULE_ACCESS__ACCOUNTANTS__0"] = Allowed,
                ["BASCULE_ACCESS__ACCOUNTANTS__1"] = NotAllowed,
                ["BASCULE_ACCESS__PERSONALDATA__0"] = Allowed,
            },
            "--connection", database, "--workers", "1", "--mappings", RepositoryRoot.Combine("mappings"));
        // The run, published before serve started, is prepared for its first reader in the background.
        await serve.WaitForAsync(output => output.Contains($"Run {run} ready for its readers", StringComparison.Ordinal));
        using var anna = Reader(serve, Allowed);
        using var marie = Reader(serve, NotAllowed);

        await ReportFilesReachEachReaderAsync(run, anna, marie);

        // An older version wrote no personalDataShown at all: such files may show personal data, and are treated so.
        var json = _temp.Combine("out", "runs", run, "reconciliation.json");
        var older = JsonNode.Parse(await File.ReadAllTextAsync(json, Ct))!.AsObject();
        Assert.True(older.Remove("personalDataShown"), "the written JSON records personalDataShown");
        await File.WriteAllTextAsync(json, older.ToJsonString(), Ct);
        await ReportFilesReachEachReaderAsync(run, anna, marie);

        // The run's page shows her the reconciliation masked; her evidence pack holds the reports regenerated, masked.
        var page = await marie.GetStringAsync($"/runs/{run}?lang=fr", Ct);
        Assert.False(PlantedBeneficiary.ShowsName(WebUtility.HtmlDecode(page)), "the run page shows the name");
        Assert.Contains(PlantedBeneficiary.BadAmountLineMasked, WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        foreach (var (reader, shows) in ((HttpClient, bool)[])[(marie, false), (anna, true)])
        {
            using var pack = await reader.GetAsync($"/runs/{run}/evidence", Ct);
            Assert.Equal(HttpStatusCode.OK, pack.StatusCode);
            await using var zip = new ZipArchive(await pack.Content.ReadAsStreamAsync(Ct));
            var html = zip.Entries.Single(e => e.FullName.EndsWith($"{run}/reconciliation.html", StringComparison.Ordinal));
            using var text = new StreamReader(html.Open(), Encoding.UTF8);
            Assert.Equal(shows, PlantedBeneficiary.ShowsName(await text.ReadToEndAsync(Ct)));
        }
    }

    public void Dispose() => _temp.Dispose();

    // Anna gets each file as written; Marie gets it regenerated, masked, and both pages tell her so in her language.
    private async Task ReportFilesReachEachReaderAsync(string run, HttpClient anna, HttpClient marie)
    {
        foreach (var file in (string[])["reconciliation.html", "reconciliation.json", "reconciliation.xlsx"])
        {
            var written = await File.ReadAllBytesAsync(_temp.Combine("out", "runs", run, file), Ct);
            using var shown = await anna.GetAsync($"/runs/{run}/{file}", Ct);
            Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
            Assert.Equal(written, await shown.Content.ReadAsByteArrayAsync(Ct));

            using var masked = await marie.GetAsync($"/runs/{run}/{file}", Ct);
            Assert.Equal(HttpStatusCode.OK, masked.StatusCode);
            Assert.Equal(shown.Content.Headers.ContentType?.MediaType, masked.Content.Headers.ContentType?.MediaType);
            var text = file.EndsWith(".xlsx", StringComparison.Ordinal)
                ? WorkbookText(await masked.Content.ReadAsByteArrayAsync(Ct))
                : WebUtility.HtmlDecode(await masked.Content.ReadAsStringAsync(Ct));
            Assert.False(PlantedBeneficiary.ShowsName(text), $"{file} regenerated for her shows the name");
            Assert.False(PlantedBeneficiary.ShowsIban(text), $"{file} regenerated for her shows the IBAN");
            Assert.Contains(file.EndsWith(".json", StringComparison.Ordinal)
                ? JsonSerializer.Serialize(PlantedBeneficiary.BadAmountLineMasked)[1..^1]
                : PlantedBeneficiary.BadAmountLineMasked, text, StringComparison.Ordinal);
        }

        foreach (var page in (string[])["/", $"/runs/{run}"])
        {
            Assert.Contains(
                "régénérés à l'ouverture, données personnelles masquées",
                WebUtility.HtmlDecode(await marie.GetStringAsync($"{page}?lang=fr", Ct)),
                StringComparison.Ordinal);
            Assert.Contains(
                "opnieuw aangemaakt bij het openen, persoonsgegevens gemaskeerd",
                WebUtility.HtmlDecode(await marie.GetStringAsync($"{page}?lang=nl", Ct)),
                StringComparison.Ordinal);
            Assert.DoesNotContain("masked-reports", await anna.GetStringAsync($"{page}?lang=fr", Ct), StringComparison.Ordinal);
        }
    }

    // Every text of a workbook: its shared strings and inline strings, as a spreadsheet application would show them.
    private static string WorkbookText(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        var text = new StringBuilder();
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            text.Append(WebUtility.HtmlDecode(reader.ReadToEnd()));
        }

        return text.ToString();
    }

    private static HttpClient Reader(ServeProcess serve, string user)
    {
        var client = new HttpClient { BaseAddress = new Uri(serve.Url) };
        client.DefaultRequestHeaders.Authorization
            = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{Password}")));
        return client;
    }
}
