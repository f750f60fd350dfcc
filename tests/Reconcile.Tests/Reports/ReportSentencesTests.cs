using System.Globalization;
using System.Text;
using AngleSharp.Html.Parser;
using Bascule.Load.Providers;
using Bascule.Load.Runs;
using Bascule.Reconcile.Model;
using Bascule.Reconcile.Reports;
using Bascule.Reconcile.Reports.Tables;
using Bascule.Reconcile.Tests.Support;
using Bascule.TestSupport;
using Bascule.TestSupport.Staging;
using Dapper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Bascule.Reconcile.Tests.Reports;

/// <summary>
/// A run damaged after it was loaded (one staged line removed) as its readers see it: each difference a French and a
/// Dutch sentence saying what differs and what to do next, by whom; the checks' technical names only in the JSON.
/// </summary>
public sealed class ReportSentencesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_removed_staged_line_is_said_in_french_and_dutch_with_what_to_do_and_who()
    {
        using var temp = new TempDirectory();
        long read = 0;
        var result = await Reconciled.CommuneAsync(temp, async (provider, run) =>
        {
            read = await LinesReadAsync(provider, run, "ECRITURES.csv");
            await RemoveOneStagedLineAsync(provider, run);
        });
        var files = await ReportWriter.WriteAllAsync(result, temp.Combine("out"), cancellationToken: Ct);

        var document = new HtmlParser().ParseDocument(await File.ReadAllTextAsync(files.Html, Ct));

        var completeness = document.QuerySelector("#check-summary tr[data-check='1']")!;
        Assert.Equal("FAILED", completeness.QuerySelector(".badge")!.TextContent);
        var french = completeness.QuerySelectorAll("[lang=fr]").Select(e => e.TextContent).ToList();
        var dutch = completeness.QuerySelectorAll("[lang=nl]").Select(e => e.TextContent).ToList();
        Assert.Contains($"Fichier ECRITURES.csv : {Grouped(read)} lignes lues, {Grouped(read - 1)} retrouvées chargées, non mappées ou "
            + $"rejetées (écart −1).", french);
        Assert.Contains($"Bestand ECRITURES.csv: {Grouped(read)} lijnen gelezen, {Grouped(read - 1)} teruggevonden als geladen, niet "
            + $"gemapt of verworpen (verschil −1).", dutch);
        Assert.Contains(french, t => t.StartsWith("Des montants ou des lignes ont disparu", StringComparison.Ordinal)
            && t.EndsWith("(IT).", StringComparison.Ordinal));
        Assert.Contains(dutch, t => t.StartsWith("Bedragen of lijnen zijn verdwenen", StringComparison.Ordinal)
            && t.EndsWith("(IT).", StringComparison.Ordinal));
        // The trial balance is the legacy system's, not the migration's: the accountant explains it.
        Assert.All(
            result.Checks.Where(c => c.Check == CheckId.TrialBalance && c.Status != Verdict.Ok),
            c => Assert.EndsWith("(comptable).", ReportTexts.Sentence(c).French, StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_technical_name_of_a_check_reaches_the_html_the_workbook_or_the_csv()
    {
        using var temp = new TempDirectory();
        var result = await Reconciled.CommuneAsync(temp, RemoveOneStagedLineAsync);
        var files = await ReportWriter.WriteAllAsync(result, temp.Combine("out"), cancellationToken: Ct);
        var names = result.Checks.Where(c => c.Status != Verdict.Ok).Select(c => c.Name).ToList();
        Assert.Contains("completeness:ECRITURES.csv:read", names);

        var html = await File.ReadAllTextAsync(files.Html, Ct);
        var csv = new StringBuilder();
        foreach (var file in files.Csv)
        {
            csv.Append(await File.ReadAllTextAsync(file, Ct));
        }

        var workbook = WorkbookText(files.Xlsx);
        var json = await File.ReadAllTextAsync(files.Json, Ct);
        foreach (var name in result.Checks.Select(c => c.Name))
        {
            Assert.DoesNotContain(name, html, StringComparison.Ordinal);
            Assert.DoesNotContain(name, csv.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(name, workbook, StringComparison.Ordinal);
            Assert.Contains($"\"{name}\"", json, StringComparison.Ordinal);
        }

        // Units are said in the reader's words, counts are whole numbers.
        Assert.DoesNotContain(">lines<", html, StringComparison.Ordinal);
        Assert.Contains(";lignes / lijnen;", csv.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_in_one_language_with_links_shows_that_language_and_leads_every_account_to_its_lines()
    {
        using var temp = new TempDirectory();
        var result = await Reconciled.CommuneAsync(temp, RemoveOneStagedLineAsync);
        var tables = ReportTables.Build(result, new ReportOptions());

        var dutch = await Reconcile.Reports.Html.HtmlReport
            .RenderPageAsync(result, tables, ReaderLanguage.Dutch, f => $"/lines/{f.Kind}/{Uri.EscapeDataString(f.Key)}");
        var french = await Reconcile.Reports.Html.HtmlReport.RenderPageAsync(result, tables, ReaderLanguage.French, links: null);

        var page = new HtmlParser().ParseDocument($"<!DOCTYPE html><html lang=\"nl\"><body>{dutch}</body></html>");
        var text = page.Body!.TextContent;
        Assert.Contains("Aansluitingsrapport", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Rapport de réconciliation", text, StringComparison.Ordinal);
        Assert.Contains("verdwenen", text, StringComparison.Ordinal);
        Assert.DoesNotContain("disparu", text, StringComparison.Ordinal);
        var hrefs = page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")).ToHashSet();
        Assert.All(result.LegacyAccounts, a => Assert.Contains($"/lines/LegacyAccount/{a.Account}", hrefs));
        Assert.All(result.TargetAccounts, a => Assert.Contains($"/lines/NewAccount/{a.Account}", hrefs));
        Assert.Contains("/lines/CheckDifferences/1", hrefs);
        Assert.Contains("/lines/Unmapped/", hrefs);
        Assert.Contains("Rapport de réconciliation", french, StringComparison.Ordinal);
        Assert.DoesNotContain("Aansluitingsrapport", french, StringComparison.Ordinal);
        Assert.DoesNotContain("href", french, StringComparison.Ordinal);
    }

    private static string Grouped(long value) => value.ToString("#,##0", new NumberFormatInfo { NumberGroupSeparator = "." });

    private static async Task RemoveOneStagedLineAsync(IStagingProvider provider, RunId run) =>
        await StagingDatabase.ExecuteAsync(
            provider,
            "DELETE FROM staged_lines WHERE run_id = @run AND record = (SELECT MIN(record) FROM staged_lines WHERE run_id = @run AND "
                + "source_file = 'ECRITURES.csv')",
            new { run });

    private static async Task<long> LinesReadAsync(IStagingProvider provider, RunId run, string file)
    {
        await using var connection = await provider.OpenAsync(Ct);
        return await connection.ExecuteScalarAsync<long>(
            new CommandDefinition(
                "SELECT lines_read FROM run_files WHERE run_id = @run AND source_file = @file",
                new { run = run.Value, file },
                cancellationToken: Ct));
    }

    private static string WorkbookText(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        return string.Join(
            "\n",
            document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<Cell>()).Select(c => c.InnerText));
    }
}
