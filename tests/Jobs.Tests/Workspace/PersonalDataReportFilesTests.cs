using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Bascule.Jobs.Tests.Hosting;
using Bascule.Jobs.Tests.Privacy;
using Bascule.TestSupport;

namespace Bascule.Jobs.Tests.Workspace;

/// <summary>
/// Report files written with personal data shown (<c>Reports:ShowPersonalData</c>), served by a real <c>bascule serve</c>
/// over HTTP to two accountants: the one with the personal-data right gets them as written; the other gets a 403 that
/// says why in her language and where to read the reconciliation masked, and an evidence pack with the reports masked.
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
        using var anna = Reader(serve, Allowed);
        using var marie = Reader(serve, NotAllowed);

        foreach (var file in (string[])["reconciliation.html", "reconciliation.json", "reconciliation.xlsx"])
        {
            var written = await File.ReadAllBytesAsync(_temp.Combine("out", "runs", run, file), Ct);
            using var shown = await anna.GetAsync($"/runs/{run}/{file}", Ct);
            Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
            Assert.Equal(written, await shown.Content.ReadAsByteArrayAsync(Ct));

            using var french = await marie.GetAsync($"/runs/{run}/{file}?lang=fr", Ct);
            var refusal = await french.Content.ReadAsStringAsync(Ct);
            Assert.Equal(HttpStatusCode.Forbidden, french.StatusCode);
            Assert.StartsWith("Ce fichier a été écrit avec les données personnelles des tiers visibles", refusal, StringComparison.Ordinal);
            Assert.False(PlantedBeneficiary.ShowsName(refusal));
            using var dutch = await marie.GetAsync($"/runs/{run}/{file}?lang=nl", Ct);
            Assert.Equal(HttpStatusCode.Forbidden, dutch.StatusCode);
            Assert.StartsWith(
                "Dit bestand werd geschreven met de persoonsgegevens van derden zichtbaar",
                await dutch.Content.ReadAsStringAsync(Ct),
                StringComparison.Ordinal);
        }

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

    private static HttpClient Reader(ServeProcess serve, string user)
    {
        var client = new HttpClient { BaseAddress = new Uri(serve.Url) };
        client.DefaultRequestHeaders.Authorization
            = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{Password}")));
        return client;
    }
}
