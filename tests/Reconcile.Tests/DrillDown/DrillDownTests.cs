using System.Globalization;
using System.Text;
using Bascule.Load.Providers;
using Bascule.Load.Runs;
using Bascule.Reconcile.DrillDown;
using Bascule.Reconcile.Reports;
using Bascule.Reconcile.Tests.Support;
using Bascule.TestSupport;
using Bascule.TestSupport.Samples;
using Bascule.TestSupport.Staging;
using Dapper;

namespace Bascule.Reconcile.Tests.DrillDown;

/// <summary>
/// The drill-down lists on real runs of the committed samples, loaded into a real database: read page by page with a
/// small page size, every line comes exactly once, in key order, and the lines add up to what the sample's own files
/// say (read with the independent reader). Run once per provider.
/// </summary>
public abstract class DrillDownTests<TDatabase>(TDatabase database) : StagingSuite<TDatabase>(database)
    where TDatabase : StagingDatabase
{
    private const int Small = 17;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_legacy_account_lists_its_every_line_once_across_pages_staged_or_unmapped()
    {
        var (provider, run, mappings) = await CommuneWithoutEnergyRulesAsync();
        var lines = await RunLines.OpenAsync(provider, run, mappings, new ReportOptions(), Ct);
        var ledger = Ledger(SampleRun.Commune);

        foreach (var account in ledger.GroupBy(l => l.Row["COMPTE_GENERAL"]))
        {
            var listed = await AllPagesAsync(lines!, LineList.LegacyAccount(account.Key));

            Assert.Equal(account.Select(l => l.Record).Order(), listed.Select(l => l.Key.Record).Distinct().Order());
            Assert.Equal(account.Sum(l => IndependentExportReader.Amount(l.Row["DEBIT"])), listed.Sum(l => l.Debit));
            Assert.Equal(account.Sum(l => IndependentExportReader.Amount(l.Row["CREDIT"])), listed.Sum(l => l.Credit));
            Assert.All(listed, l => Assert.Equal(account.Key, l.Account));
        }

        Assert.NotEmpty(await AllPagesAsync(lines!, LineList.Unmapped));
    }

    [Fact]
    public async Task The_new_accounts_and_the_unmapped_lines_together_list_every_ledger_line_once_with_its_rule_and_justification()
    {
        var (provider, run, mappings) = await CommuneWithoutEnergyRulesAsync();
        var lines = (await RunLines.OpenAsync(provider, run, mappings, new ReportOptions(), Ct))!;
        var result = await Reconciler.ComputeAsync(provider, run, SampleRun.SampleFolder(SampleRun.Commune), Ct);
        var ledger = Ledger(SampleRun.Commune);

        var all = new List<DrillLine>();
        foreach (var target in result.TargetAccounts)
        {
            var listed = await AllPagesAsync(lines, LineList.TargetAccount(target.Account));
            Assert.Equal(target.Amounts.Debit, listed.Sum(l => l.Debit));
            Assert.Equal(target.Amounts.Credit, listed.Sum(l => l.Credit));
            Assert.All(listed, l => Assert.False(string.IsNullOrWhiteSpace(l.Justification)));
            all.AddRange(listed);
        }

        var unmapped = await AllPagesAsync(lines, LineList.Unmapped);
        Assert.All(unmapped, l => Assert.Equal(LineState.Unmapped, l.State));
        Assert.Equal(ledger.Select(l => l.Record).Order(), all.Concat(unmapped).Select(l => l.Key.Record).Distinct().Order());
        // A split's parts are several rows of one line: one per part, none twice.
        Assert.Equal(all.Count, all.Select(l => l.Key).Distinct().Count());
        Assert.Equal(lines.Mapping.Sha256, result.Run.Mapping.Sha256);
    }

    [Fact]
    public async Task A_journal_lists_its_lines_document_by_document_and_a_document_its_own()
    {
        await using var provider = await NewProviderAsync();
        var run = await SampleRun.LoadAsync(provider, SampleRun.SampleFolder(SampleRun.Commune), Ct);
        var lines = (await RunLines.OpenAsync(provider, run, RepositoryRoot.Combine("mappings"), new ReportOptions(), Ct))!;
        var ledger = Ledger(SampleRun.Commune);

        foreach (var journal in ledger.GroupBy(l => l.Row["JOURNAL"]))
        {
            var listed = await AllPagesAsync(lines, LineList.Journal(journal.Key));

            Assert.Equal(journal.Select(l => l.Record).Order(), listed.Select(l => l.Key.Record).Distinct().Order());
            // Document by document, each document's lines in file order: the page order is the key order.
            Assert.Equal(
                listed.Select(l => l.Key),
                listed.Select(l => l.Key).OrderBy(k => k.Document, StringComparer.Ordinal).ThenBy(k => k.Record).ThenBy(k => k.Part));
        }

        var document = ledger.First(l => l.Row["JOURNAL"] == "ACH");
        var sameDocument = ledger.Where(l => l.Row["JOURNAL"] == "ACH" && l.Row["NUM_PIECE"] == document.Row["NUM_PIECE"]).ToList();
        var documentLines = await AllPagesAsync(lines, LineList.DocumentOf("ACH", document.Row["NUM_PIECE"]));
        Assert.Equal(sameDocument.Select(l => l.Record), documentLines.Select(l => l.Key.Record).Distinct());
        // The text shows the line's fields as the export writes them.
        Assert.StartsWith(string.Join(';', document.Fields.Take(6)), documentLines[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_budget_article_lists_the_ledger_lines_that_carry_it()
    {
        await using var provider = await NewProviderAsync();
        var run = await SampleRun.LoadAsync(provider, SampleRun.SampleFolder(SampleRun.Commune), Ct);
        var lines = (await RunLines.OpenAsync(provider, run, RepositoryRoot.Combine("mappings"), new ReportOptions(), Ct))!;
        var ledger = Ledger(SampleRun.Commune);
        var article = ledger.Where(l => l.Row["ARTICLE_BUDGETAIRE"].Length > 0).GroupBy(l => l.Row["ARTICLE_BUDGETAIRE"])
            .OrderByDescending(g => g.Count())
            .First();

        var listed = await AllPagesAsync(lines, LineList.Article(article.Key));

        Assert.Equal(article.Select(l => l.Record).Order(), listed.Select(l => l.Key.Record).Distinct().Order());
    }

    [Fact]
    public async Task A_rule_lists_the_staged_lines_it_produced_with_its_lines_and_euros()
    {
        await using var provider = await NewProviderAsync();
        var run = await SampleRun.LoadAsync(provider, SampleRun.SampleFolder(SampleRun.Commune), Ct);
        var lines = (await RunLines.OpenAsync(provider, run, RepositoryRoot.Combine("mappings"), new ReportOptions(), Ct))!;
        var totals = await Bascule.Reconcile.Staging.RuleTotals.ReadAsync(provider, run, Ct);
        var busiest = totals.OrderByDescending(t => t.Lines).First();

        var listed = await AllPagesAsync(lines, LineList.Rule(busiest.RuleId));

        Assert.All(listed, l => Assert.Equal(busiest.RuleId, l.RuleId));
        Assert.Equal(
            (busiest.Lines, busiest.Debit, busiest.Credit),
            ((long)listed.Count, listed.Sum(l => l.Debit ?? 0m), listed.Sum(l => l.Credit ?? 0m)));
        Assert.Empty(await AllPagesAsync(lines, LineList.Rule("NO-SUCH-RULE")));
    }

    [Fact]
    public async Task Every_staged_part_and_unmapped_line_shows_its_record_as_it_stands_in_the_file()
    {
        var (provider, run, mappings) = await CommuneWithoutEnergyRulesAsync();
        var lines = (await RunLines.OpenAsync(provider, run, mappings, new ReportOptions(ShowPersonalData: true), Ct))!;
        var raw = IndependentExportReader.RawRecords(SampleRun.SampleFolder(SampleRun.Commune), "ECRITURES.csv")
            .ToDictionary(r => r.Line, r => r.Text);
        var result = await Reconciler.ComputeAsync(provider, run, SampleRun.SampleFolder(SampleRun.Commune), Ct);

        // The new accounts' lists hold a split line's later parts apart from its part 1, which alone stores the raw text.
        var listed = new List<DrillLine>();
        foreach (var target in result.TargetAccounts)
        {
            listed.AddRange(await AllPagesAsync(lines, LineList.TargetAccount(target.Account)));
        }

        listed.AddRange(await AllPagesAsync(lines, LineList.Unmapped));
        Assert.Contains(listed, l => l.Key.Part > 1);
        Assert.Contains(listed, l => l.State == LineState.Unmapped);
        Assert.All(listed, l => Assert.True(l.RawTextKept));
        Assert.All(listed, l => Assert.Equal(raw[l.Line], l.Text));
        Assert.Equal(raw.Count - 1, listed.Select(l => l.Line).Distinct().Count());
    }

    [Fact]
    public async Task A_run_loaded_before_raw_text_was_kept_shows_its_lines_rebuilt_from_their_fields_and_says_so()
    {
        var (provider, run, mappings) = await CommuneWithoutEnergyRulesAsync();
        // As a run loaded before V009 left them.
        foreach (var table in new[] { "staged_lines", "unmapped_lines" })
        {
            await StagingDatabase.ExecuteAsync(provider, $"UPDATE {table} SET raw_text = NULL WHERE run_id = @run", new
            {
                run = run.Value,
            });
        }
        var lines = (await RunLines.OpenAsync(provider, run, mappings, new ReportOptions(), Ct))!;
        var ledger = Ledger(SampleRun.Commune).ToDictionary(l => l.Record);
        var list = LineList.LegacyAccount(SampleFigures.Suppliers);

        var listed = await AllPagesAsync(lines, list);

        Assert.NotEmpty(listed);
        Assert.All(listed, l => Assert.False(l.RawTextKept));
        Assert.All(listed, l => Assert.StartsWith(
            string.Join(';', ledger[l.Key.Record].Fields.Take(6)),
            l.Text,
            StringComparison.Ordinal));
        using var csv = new MemoryStream();
        await DrillCsv.WriteAsync(csv, lines.AllAsync(list, cancellationToken: Ct), lines, ReaderLanguage.French, Ct);
        var rows = CsvText.Rows(Encoding.UTF8.GetString(csv.ToArray().AsSpan(3)));
        Assert.All(rows.Skip(1), r => Assert.StartsWith(DrillCsv.RawTextNotKept.French, r[3], StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_page_after_a_key_starts_after_it_and_the_same_page_read_twice_is_the_same()
    {
        await using var provider = await NewProviderAsync();
        var run = await SampleRun.LoadAsync(provider, SampleRun.SampleFolder(SampleRun.Commune), Ct);
        var lines = (await RunLines.OpenAsync(provider, run, RepositoryRoot.Combine("mappings"), new ReportOptions(), Ct))!;
        var list = LineList.LegacyAccount(SampleFigures.Suppliers);

        var first = await lines.PageAsync(list, null, Small, Ct);
        Assert.True(LineKey.TryParse(first.Next!.Value.ToToken(), byDocument: false, out var key));
        var second = await lines.PageAsync(list, key, Small, Ct);
        var again = await lines.PageAsync(list, key, Small, Ct);
        var both = await lines.PageAsync(list, null, 2 * Small, Ct);

        Assert.Equal(first.Next, key);
        Assert.Equal(second.Lines.Select(l => l.Key), again.Lines.Select(l => l.Key));
        Assert.Equal(both.Lines.Select(l => l.Key), first.Lines.Concat(second.Lines).Select(l => l.Key));
        Assert.False(LineKey.TryParse("12.x.ECRITURES.csv", false, out _));
        Assert.False(LineKey.TryParse("12.1.ECRITURES.csv", true, out _));
        Assert.True(LineKey.TryParse(new LineKey("A/1.2", "a.b/c;d.csv", 7, 2).ToToken(), true, out var odd));
        Assert.Equal(new LineKey("A/1.2", "a.b/c;d.csv", 7, 2), odd);
    }

    [Fact]
    public async Task Personal_data_is_masked_in_lines_and_rejected_lines_unless_the_reader_may_see_it()
    {
        await using var provider = await NewProviderAsync();
        var run = await SampleRun.LoadAsync(provider, SampleRun.SampleFolder(SampleRun.Cpas), Ct);
        var figures = SampleFigures.Of(SampleRun.Cpas);
        var beneficiary = figures.ThirdParties.First(t => t["TYPE"] == "B")["NOM"];
        // A label naming a beneficiary, as a careless booking would.
        StagedLine line;
        await using (var connection = await provider.OpenAsync(Ct))
        {
            line = await connection.QuerySingleAsync<StagedLine>(
                "SELECT record AS Record, account AS Account, label AS Label FROM staged_lines WHERE run_id = @run AND part = 1 AND "
                    + "record = (SELECT MIN(record) FROM staged_lines WHERE run_id = @run)",
                new { run = run.Value });
        }

        await StagingDatabase.ExecuteAsync(
            provider,
            "UPDATE staged_lines SET label = @label WHERE run_id = @run AND record = @record",
            new { run = run.Value, record = line.Record, label = line.Label + " " + beneficiary });
        await Reconciled.AddHostileRejectsAsync(provider, run);

        var masked = (await RunLines.OpenAsync(provider, run, RepositoryRoot.Combine("mappings"), new ReportOptions(), Ct))!;
        var shown = (await RunLines.OpenAsync(
            provider,
            run,
            RepositoryRoot.Combine("mappings"),
            new ReportOptions(ShowPersonalData: true),
            Ct))!;
        var account = LineList.LegacyAccount(line.Account);

        var maskedText = Texts(await AllPagesAsync(masked, account)) + Texts(await AllPagesAsync(masked, LineList.Rejected));
        var shownText = Texts(await AllPagesAsync(shown, account)) + Texts(await AllPagesAsync(shown, LineList.Rejected));

        Assert.DoesNotContain(beneficiary, maskedText, StringComparison.Ordinal);
        Assert.DoesNotContain("Dupont", maskedText, StringComparison.Ordinal);
        Assert.DoesNotContain("BE71096123456769", maskedText, StringComparison.Ordinal);
        Assert.Contains(PersonalData.Masked, maskedText, StringComparison.Ordinal);
        Assert.Contains(beneficiary, shownText, StringComparison.Ordinal);
        Assert.Contains("Dupont", shownText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_CSV_of_a_list_streamed_page_by_page_parses_back_to_the_same_lines()
    {
        var (provider, run, mappings) = await CommuneWithoutEnergyRulesAsync();
        await Reconciled.AddHostileRejectsAsync(provider, run);
        var lines = (await RunLines.OpenAsync(provider, run, RepositoryRoot.Combine("mappings"), new ReportOptions(), Ct))!;
        var list = LineList.LegacyAccount(SampleFigures.Suppliers);
        var expected = await AllPagesAsync(lines, list);

        using var csv = new MemoryStream();
        await DrillCsv.WriteAsync(csv, lines.AllAsync(list, pageSize: Small, cancellationToken: Ct), lines, ReaderLanguage.Dutch, Ct);
        var bytes = csv.ToArray();
        var rows = CsvText.Rows(Encoding.UTF8.GetString(bytes.AsSpan(3)));

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes.Take(3));
        Assert.Equal(DrillCsv.Header.Select(h => h.Dutch), rows[0]);
        Assert.Equal(expected.Count, rows.Count - 1);
        Assert.Equal(
            expected.Select(l => (l.SourceFile, l.Line, l.Debit ?? 0m, l.Credit ?? 0m, l.RuleId ?? "")),
            rows.Skip(1).Select(r => (r[0], long.Parse(r[1], CultureInfo.InvariantCulture), Money(r[16]), Money(r[17]), r[9])));
        Assert.All(rows.Skip(1), r => Assert.Equal(lines.Mapping.Sha256, r[^1]));

        // A rejected line's formula is neutralised, its text otherwise kept.
        using var rejected = new MemoryStream();
        await DrillCsv.WriteAsync(rejected, lines.AllAsync(LineList.Rejected, cancellationToken: Ct), lines, ReaderLanguage.French, Ct);
        var rejectedRows = CsvText.Rows(Encoding.UTF8.GetString(rejected.ToArray().AsSpan(3)));
        Assert.Contains(rejectedRows, r => r[3].StartsWith("'=HYPERLINK", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_check_leads_to_the_lines_behind_its_difference()
    {
        var (provider, run, mappings) = await CommuneWithoutEnergyRulesAsync();
        await Reconciled.AddHostileRejectsAsync(provider, run);
        var result = await Reconciler.ComputeAsync(provider, run, SampleRun.SampleFolder(SampleRun.Commune), Ct);
        var lines = (await RunLines.OpenAsync(provider, run, mappings, new ReportOptions(), Ct))!;

        var unmapped = await AllPagesAsync(lines, CheckLines.Of("exceptions:unmappedLines")!);
        var rejected = await AllPagesAsync(lines, CheckLines.Of("exceptions:rejectedLines")!);
        var ledgerExceptions = await AllPagesAsync(lines, CheckLines.Of("completeness:ECRITURES.csv:read")!);

        Assert.Equal(result.Unmapped.Sum(u => u.Count), unmapped.Count);
        Assert.Equal(2, rejected.Count);
        Assert.Equal(unmapped.Count + 1, ledgerExceptions.Count);
        Assert.All(
            result.Checks.Where(c => c.Name.StartsWith("legacyAccounts:", StringComparison.Ordinal) && c.Name.Split(':').Length == 3),
            c => Assert.Equal(LineListKind.LegacyAccount, CheckLines.Of(c.Name)!.Kind));
        Assert.Null(CheckLines.Of("targetAccounts:debit"));
        Assert.Null(CheckLines.Of("completeness:ECRITURES.csv:sha256"));
        // The energy lines left unmapped unbalance their documents' staged lines: the balance check lists those documents' lines.
        var unbalanced = await AllPagesAsync(lines, CheckLines.Of("balance:unbalancedDocuments")!);
        Assert.NotEmpty(result.UnbalancedDocuments);
        Assert.Equal(
            result.UnbalancedDocuments.Select(d => (d.Journal, d.Document)).Order(),
            unbalanced.Select(l => (l.Journal!, l.Document!)).Distinct().Order());
        Assert.Contains(unbalanced, l => l.State == LineState.Unmapped);
    }

    private sealed class StagedLine
    {
        public long Record { get; init; }

        public string Account { get; init; } = "";

        public string Label { get; init; } = "";
    }

    // The commune sample mapped without its energy rules (its energy lines unmapped); the mappings folder that holds that version.
    private async Task<(IStagingProvider Provider, RunId Run, string Mappings)> CommuneWithoutEnergyRulesAsync()
    {
        var provider = await NewProviderAsync();
        var version = SampleRun.WithoutEnergyRules(Temp);
        var run = await SampleRun.LoadAsync(provider, SampleRun.SampleFolder(SampleRun.Commune), version, Ct);
        return (provider, run, Path.GetDirectoryName(Path.GetDirectoryName(version))!);
    }

    // Every page of a list, a small page at a time; the keys strictly increase from page to page.
    private static async Task<List<DrillLine>> AllPagesAsync(RunLines lines, LineList list)
    {
        var all = new List<DrillLine>();
        LineKey? after = null;
        do
        {
            var page = await lines.PageAsync(list, after, Small, Ct);
            Assert.True(page.Lines.Count == Small || page.Next is null);
            all.AddRange(page.Lines);
            after = page.Next;
        }
        while (after is not null);

        Assert.Equal(all.Count, all.Select(l => l.Key).Distinct().Count());
        return all;
    }

    // The ledger's records with their record number (the first after the header is 1; a quoted field may span lines,
    // so a record's physical line is not derived here).
    private static List<(long Record, Dictionary<string, string> Row, string[] Fields)> Ledger(string sample)
    {
        var folder = SampleRun.SampleFolder(sample);
        var rows = IndependentExportReader.Table(folder, "ECRITURES.csv");
        var fields = IndependentExportReader.Records(folder, "ECRITURES.csv").Skip(1).ToList();
        return rows.Select((r, i) => ((long)i + 1, r, fields[i])).ToList();
    }

    private static string Texts(IEnumerable<DrillLine> lines) =>
        string.Join("\n", lines.Select(l => $"{l.Text}|{l.Label}|{l.Reason}"));

    private static decimal Money(string text)
        => text.Length == 0 ? 0m : decimal.Parse(text, NumberStyles.Number, new NumberFormatInfo { NumberDecimalSeparator = "," });
}

public sealed class SqliteDrillDownTests(SqliteDatabase database) : DrillDownTests<SqliteDatabase>(database);

public sealed class PostgresDrillDownTests(PostgresDatabase database) : DrillDownTests<PostgresDatabase>(database);

public sealed class SqlServerDrillDownTests(SqlServerDatabase database) : DrillDownTests<SqlServerDatabase>(database);
