using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Bascule.Load.Providers;
using Bascule.Load.Runs;
using Bascule.Reconcile.Cutover;
using Bascule.Reconcile.Cutover.Package;
using Bascule.Reconcile.Cutover.Reports;
using Bascule.Reconcile.Reports;
using Bascule.Reconcile.Reports.Html;
using Bascule.Reconcile.Tests.Support;
using Bascule.TestSupport;
using Bascule.TestSupport.Staging;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Bascule.Reconcile.Tests.Cutover;

/// <summary>
/// The package as files: the manifest's counts, totals and SHA-256 recomputed from the files alone, the import layout as
/// documented, and third parties' names only when personal data is shown.
/// </summary>
public sealed class CutoverPackageTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_manifest_totals_and_hashes_are_those_of_the_files()
    {
        var outDir = await WritePackageAsync(showPersonalData: false);

        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(outDir, CutoverPackage.ManifestFile), Ct));
        var root = manifest.RootElement;
        Assert.Equal("2024-01-01", root.GetProperty("asOf").GetString());
        Assert.Equal(2023, root.GetProperty("fiscalYear").GetInt32());
        Assert.Equal(64, root.GetProperty("run").GetProperty("fingerprint").GetString()!.Length);
        Assert.Equal(
            ("bxl-2024", "1.0.0"),
            (root.GetProperty("mapping").GetProperty("id").GetString(), root.GetProperty("mapping").GetProperty("version").GetString()));
        var listed = root.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(
            Directory.GetFiles(outDir).Select(Path.GetFileName).Where(n => n != CutoverPackage.ManifestFile).Order(StringComparer.Ordinal),
            listed.Select(f => f.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        foreach (var file in listed)
        {
            var path = Path.Combine(outDir, file.GetProperty("name").GetString()!);
            Assert.Equal(
                Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path, Ct))),
                file.GetProperty("sha256").GetString());
            if (file.TryGetProperty("rows", out var rows))
            {
                var (count, totals) = IndependentCsv.Totals(path, file.GetProperty("totals").EnumerateObject().Select(p => p.Name));
                Assert.Equal(rows.GetInt64(), count);
                foreach (var total in file.GetProperty("totals").EnumerateObject())
                {
                    Assert.Equal((total.Name, total.Value.GetDecimal()), (total.Name, totals[total.Name]));
                }
            }
        }

        var opening = listed.Single(f => f.GetProperty("name").GetString() == CutoverPackage.OpeningBalancesFile).GetProperty("totals");
        Assert.Equal(opening.GetProperty("DEBIT").GetDecimal(), opening.GetProperty("CREDIT").GetDecimal());
    }

    [Fact]
    public async Task The_data_files_follow_the_documented_import_layout()
    {
        var outDir = await WritePackageAsync(showPersonalData: false);

        var bytes = await File.ReadAllBytesAsync(Path.Combine(outDir, CutoverPackage.OpenCommitmentsFile), Ct);
        Assert.NotEqual(0xEF, bytes[0]);
        var lines = Encoding.UTF8.GetString(bytes).Split("\r\n");
        Assert.Equal(
            "COMMITMENT;FISCAL_YEAR;COMMITMENT_DATE;LEGACY_ARTICLE;FUNCTION;ECONOMIC;ARTICLE_MAPPING;"
            + "THIRD_PARTY;LABEL;COMMITTED;CHARGED;OPEN", lines[0]);
        Assert.Matches(
            @"^2023/\d{5};2023;2023-\d\d-\d\d;\d{3}/\d{3}-\d\d;\d+;\d\d\.\d\d;unique;[^;]*;.*;\d+\.\d\d;\d+\.\d\d;\d+\.\d\d$",
            lines[1]);
        Assert.Equal(
            "ACCOUNT;DEBIT;CREDIT;CLOSED_RESULT",
            File.ReadLines(Path.Combine(outDir, CutoverPackage.OpeningBalancesFile)).First());
        Assert.Equal(
            "ACCOUNT;LEGACY_ACCOUNT;THIRD_PARTY;THIRD_PARTY_NAME;JOURNAL;DOCUMENT;DOCUMENT_DATE;DEBIT;CREDIT",
            File.ReadLines(Path.Combine(outDir, CutoverPackage.OpenItemsFile)).First());
        Assert.Contains(
            "<html lang=\"fr\">",
            await File.ReadAllTextAsync(Path.Combine(outDir, CutoverPackage.ReportHtmlFile), Ct),
            StringComparison.Ordinal);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(outDir, CutoverPackage.ReportJsonFile), Ct));
        Assert.Equal("WARNING", report.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Third_party_names_are_written_only_when_personal_data_is_shown()
    {
        var masked = await WritePackageAsync(showPersonalData: false);
        var shown = await WritePackageAsync(showPersonalData: true);

        // A supplier with an item left open: the sample's first one, and its name in TIERS.csv.
        var sample = SampleFigures.Of(SampleRun.Commune);
        var supplier = sample.Ledger.First(l => l["COMPTE_GENERAL"] == SampleFigures.Suppliers && l["TIERS"].StartsWith('F')
            && sample.Net(SampleFigures.Suppliers, s => s["TIERS"] == l["TIERS"]) != 0m)["TIERS"];
        var name = sample.Name(supplier);
        Assert.DoesNotContain(
            name,
            await File.ReadAllTextAsync(Path.Combine(masked, CutoverPackage.OpenItemsFile), Ct),
            StringComparison.Ordinal);
        Assert.DoesNotContain(
            name,
            await File.ReadAllTextAsync(Path.Combine(masked, CutoverPackage.ReportHtmlFile), Ct),
            StringComparison.Ordinal);
        Assert.Contains(
            $";{supplier};{name};",
            await File.ReadAllTextAsync(Path.Combine(shown, CutoverPackage.OpenItemsFile), Ct),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_article_check_is_named_in_every_output_of_the_package()
    {
        var gone = (await LegacyFiles.CommitmentsAsync(SampleRun.SampleFolder(SampleRun.Commune), Ct)).Values
            .First(c => c.Committed.Value > c.Charged.Value);
        var open = gone.Committed.Value - gone.Charged.Value;
        var name = $"openCommitments:{gone.Article}";
        var outDir = await WritePackageAsync(
            showPersonalData: false,
            (provider, run) => StagingDatabase.ExecuteAsync(
                provider,
                "DELETE FROM commitments WHERE run_id = @run AND commitment_number = @number",
                new { run, number = gone.CommitmentNumber }));

        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(outDir, CutoverPackage.ReportJsonFile), Ct));
        var check = report.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);
        Assert.Equal(("FAILED", -open), (check.GetProperty("status").GetString(), check.GetProperty("difference").GetDecimal()));
        Assert.Equal("FAILED", report.RootElement.GetProperty("status").GetString());
        var article = report.RootElement.GetProperty("openCommitmentArticles").EnumerateArray()
            .Single(a => a.GetProperty("legacyArticle").GetString() == gone.Article.ToString());
        Assert.Equal(-open, article.GetProperty("difference").GetDecimal());
        Assert.NotEmpty(report.RootElement.GetProperty("openItemControlAccounts").EnumerateArray());

        var html = await File.ReadAllTextAsync(Path.Combine(outDir, CutoverPackage.ReportHtmlFile), Ct);
        // People read a sentence naming the article and its difference, with what to do; the technical name stays in the JSON.
        var (french, dutch) = ($"Article {gone.Article} : ", $"Artikel {gone.Article}: ");
        var difference = $"{HtmlText.Money(-open)} EUR)";
        Assert.DoesNotContain("openCommitments:", html, StringComparison.Ordinal);
        Assert.Contains(html.Split("<tr"), r => r.Contains("class=\"diff\"", StringComparison.Ordinal)
            && r.Contains(french, StringComparison.Ordinal)
            && r.Contains(dutch, StringComparison.Ordinal)
            && r.Contains(difference, StringComparison.Ordinal)
            && r.Contains(
                "FAILED",
                StringComparison.Ordinal));
        Assert.Contains("(comptable)", html, StringComparison.Ordinal);
        foreach (var title in (string[])["Engagements ouverts par article", "Openstaande vastleggingen per artikel", "Postes ouverts par "
            + "compte collectif ancien", "Openstaande posten per oude centralisatierekening"])
        {
            Assert.Contains(title, html, StringComparison.Ordinal);
        }

        var csv = File.ReadLines(Path.Combine(outDir, "cutover-reconciliation-checks.csv")).ToList();
        // No comparison falls back to the generic "title: expected, found" sentence, nor shows a technical name.
        Assert.All(csv, l => Assert.DoesNotMatch(@"(openingBalances|openItems|openCommitments):| : attendu ", l));
        Assert.Contains(csv, l => l.StartsWith("3;Engagements ouverts / Openstaande vastleggingen;FAILED;", StringComparison.Ordinal)
            && l.Contains(french, StringComparison.Ordinal) && l.Contains(dutch, StringComparison.Ordinal) && l.Contains(
                difference,
                StringComparison.Ordinal));
        Assert.Contains(
            File.ReadLines(Path.Combine(outDir, $"cutover-reconciliation-{CutoverTables.OpenCommitmentArticles}.csv")),
            l => l.StartsWith($"{gone.Article};", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(outDir, $"cutover-reconciliation-{CutoverTables.OpenItemControlAccounts}.csv")));

        using var workbook = SpreadsheetDocument.Open(Path.Combine(outDir, CutoverPackage.ReportXlsxFile), false);
        var sheets = workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Contains(CutoverTables.OpenCommitmentArticles, sheets.Select(s => s.Name!.Value));
        Assert.Contains(CutoverTables.OpenItemControlAccounts, sheets.Select(s => s.Name!.Value));
        var checks = ((WorksheetPart)workbook.WorkbookPart.GetPartById(sheets.Single(s => s.Name == CutoverTables.Checks).Id!)).Worksheet;
        var texts = checks.Descendants<InlineString>().Select(t => t.InnerText).ToList();
        Assert.DoesNotContain(texts, t => t.Contains("openCommitments:", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith(french, StringComparison.Ordinal) && t.Contains(difference, StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith(dutch, StringComparison.Ordinal));
    }

    public void Dispose() => _temp.Dispose();

    private async Task<string> WritePackageAsync(bool showPersonalData, Func<IStagingProvider, RunId, Task>? damage = null)
    {
        await using var provider = StagingDatabase.Sqlite(_temp);
        var run = await SampleRun.LoadAsync(provider, SampleRun.SampleFolder(SampleRun.Commune), Ct);
        if (damage is not null)
        {
            await damage(provider, run);
        }
        var result = await CutoverCalculator.ComputeAsync(provider, run, new CutoverOptions(), showPersonalData, Ct);
        var outDir = _temp.Combine("package-" + showPersonalData.ToString(CultureInfo.InvariantCulture));
        await CutoverPackage.WriteAsync(result, outDir, new ReportOptions(showPersonalData), Ct);
        return outDir;
    }
}
