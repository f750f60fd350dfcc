using System.Globalization;
using Bascule.Reconcile.Model;
using Bascule.Reconcile.Reports;
using Bascule.Reconcile.Reports.Html;
using Bascule.Reconcile.Reports.Tables;
using Bascule.Reconcile.Tests.Support;
using Bascule.TestSupport;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace Bascule.Reconcile.Tests.Reports;

/// <summary>
/// The printable report keeps the first rows of a long per-account table and says, in French and Dutch, how many there
/// are and where the whole table is; the workbook and the CSV files keep every row.
/// </summary>
public sealed class PrintedTablesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_per_account_table_over_the_limit_is_cut_with_the_stated_sentence_and_the_workbook_and_csv_keep_every_row()
    {
        using var temp = new TempDirectory();
        var sample = await Reconciled.CommuneAsync(temp);
        var limit = PrintLimits.File.Rows;
        var accounts = limit + 37;
        // Accounts of a shape the sample never uses, the last one with a difference (staged more than its source).
        var template = sample.LegacyAccounts[0];
        var many = Enumerable.Range(0, accounts)
            .Select(i => template with
            {
                Account = Code(i),
                Staged = i == accounts - 1 ? template.Staged with { Debit = template.Staged.Debit + 1m } : template.Staged,
            })
            .ToList();
        var result = sample with { LegacyAccounts = many };

        var files = await ReportWriter.WriteAllAsync(result, temp.Combine("out"), cancellationToken: Ct);
        var html = await File.ReadAllTextAsync(files.Html, Ct);

        var table = Section(html, $"id=\"{ReportTables.LegacyAccounts}\"");
        Assert.Equal(limit, Enumerable.Range(0, accounts).Count(i => table.Contains($"<summary>{Code(i)}", StringComparison.Ordinal)));
        Assert.Contains($"<summary>{Code(limit - 1)}", table, StringComparison.Ordinal);
        Assert.DoesNotContain($"<summary>{Code(limit)}", table, StringComparison.Ordinal);
        var count = Grouped(accounts);
        Assert.Contains($"Ce tableau compte {count} lignes : le rapport imprimable en reprend les {Grouped(limit)} premières.", html,
            StringComparison.Ordinal);
        Assert.Contains($"Deze tabel telt {count} lijnen: het afdrukbare rapport toont er de eerste {Grouped(limit)} van.", html,
            StringComparison.Ordinal);
        Assert.Contains("reconciliation-legacy-accounts.csv", html, StringComparison.Ordinal);
        Assert.Contains("Parmi les lignes non reprises, 1 présentent un écart.", html, StringComparison.Ordinal);
        Assert.Contains("Van de lijnen die hier ontbreken, vertonen er 1 een verschil.", html, StringComparison.Ordinal);
        // The tables under the limit are whole and say nothing.
        Assert.DoesNotContain($"id=\"{ReportTables.TrialBalance}-cut\"", html, StringComparison.Ordinal);

        var csv = files.Csv.Single(f => Path.GetFileName(f) == $"reconciliation-{ReportTables.LegacyAccounts}.csv");
        var lines = await File.ReadAllLinesAsync(csv, Ct);
        Assert.Equal(accounts + 1, lines.Length);
        Assert.Equal(Enumerable.Range(0, accounts).Select(Code), lines.Skip(1).Select(l => l.Split(';')[0]));

        using var document = SpreadsheetDocument.Open(files.Xlsx, false);
        Assert.Empty(new OpenXmlValidator().Validate(document, Ct).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == ReportTables.LegacyAccounts);
        var rows = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>().ToList();
        Assert.Equal(accounts + 1, rows.Count);
        Assert.Equal(Enumerable.Range(0, accounts).Select(Code), rows.Skip(1).Select(r => r.Elements<Cell>().First().InnerText));
    }

    [Fact]
    public async Task An_accounts_details_over_the_limit_list_the_first_accounts_and_say_how_many_more()
    {
        using var temp = new TempDirectory();
        var sample = await Reconciled.CommuneAsync(temp);
        var limit = PrintLimits.File.Flows;
        var feeds = limit + 3;
        var target = sample.TargetAccounts[0];
        var flows = Enumerable.Range(0, feeds).Select(i => new AccountFlow(Code(i), target.Amounts)).ToList();
        var result = sample with { TargetAccounts = [target with { Feeds = flows }, .. sample.TargetAccounts.Skip(1)] };

        var files = await ReportWriter.WriteAllAsync(result, temp.Combine("out"), cancellationToken: Ct);
        var html = await File.ReadAllTextAsync(files.Html, Ct);

        var table = Section(html, $"id=\"{ReportTables.TargetAccounts}\"");
        Assert.Equal(limit, Enumerable.Range(0, feeds).Count(i => table.Contains($">{Code(i)}<", StringComparison.Ordinal)));
        Assert.Contains("… et 3 autres comptes, repris dans reconciliation.xlsx et reconciliation-target-feeds.csv.", table,
            StringComparison.Ordinal);
        Assert.Contains("… en 3 andere rekeningen, opgenomen in reconciliation.xlsx en reconciliation-target-feeds.csv.", table,
            StringComparison.Ordinal);
        var feedsCsv = files.Csv.Single(f => f.EndsWith($"-{ReportTables.TargetFeeds}.csv", StringComparison.Ordinal));
        var csv = await File.ReadAllLinesAsync(feedsCsv, Ct);
        Assert.Equal(feeds, csv.Count(l => l.StartsWith(target.Account + ";", StringComparison.Ordinal)));
    }

    private static string Code(int i) => (9_100_000 + i).ToString(CultureInfo.InvariantCulture);

    // Counts as the report writes them: Belgian grouping with a dot.
    private static string Grouped(int n) => n.ToString("#,##0", CultureInfo.InvariantCulture).Replace(',', '.');

    // From a table's opening tag to its closing tag (nested details tables included).
    private static string Section(string html, string marker)
    {
        var start = html.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(start >= 0, marker);
        var end = html.IndexOf("<h2", start, StringComparison.Ordinal);
        return end < 0 ? html[start..] : html[start..end];
    }
}
