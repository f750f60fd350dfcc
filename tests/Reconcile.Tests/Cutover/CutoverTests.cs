using Bascule.Extract.Values;
using Bascule.Load.Providers;
using Bascule.Reconcile.Cutover;
using Bascule.Reconcile.Cutover.Model;
using Bascule.Reconcile.Model;
using Bascule.Reconcile.Tests.Support;
using Bascule.TestSupport;
using Bascule.TestSupport.Staging;

namespace Bascule.Reconcile.Tests.Cutover;

/// <summary>
/// The cut-over of a real run of the committed samples, loaded into a real database: the opening entry equals the
/// legacy closing recomputed independently, the result is closed into the result account, open items and commitments
/// reconcile, and a run damaged behind the pipeline's back gives the right finding with the right amount.
/// Run once per provider.
/// </summary>
public abstract class CutoverTests<TDatabase>(TDatabase database) : StagingSuite<TDatabase>(database)
    where TDatabase : StagingDatabase
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly CutoverOptions Defaults = new();

    [Fact]
    public async Task Opening_balances_equal_the_legacy_closing_recomputed_from_the_balance_file()
    {
        await using var provider = await CreateProviderAsync();
        var run = await SampleRun.LoadAsync(provider, SampleRun.SampleFolder(SampleRun.Commune), Ct);

        var result = await CutoverCalculator.ComputeAsync(provider, run, Defaults, showPersonalData: false, Ct);

        var expected = await IndependentClosing.OpeningBalancesAsync(SampleRun.SampleFolder(SampleRun.Commune), Defaults.ResultAccount, Ct);
        Assert.Equal(
            expected.OrderBy(e => e.Key, StringComparer.Ordinal),
            result.OpeningBalances.Select(b => KeyValuePair.Create(b.Account, b.Net)));
        Assert.Equal(result.OpeningBalances.Sum(b => b.Debit), result.OpeningBalances.Sum(b => b.Credit));
        Assert.All(result.OpeningBalances, b => Assert.Equal(AccountClass.BalanceSheet, AccountClasses.Of(b.Account)));
        Assert.All(result.LegacyAccounts, a => Assert.Equal((a.Account, 0m), (a.Account, a.Difference)));
        Assert.Equal(new DateOnly(2024, 1, 1), result.AsOf);
    }

    [Fact]
    public async Task The_net_of_classes_6_and_7_lands_in_the_result_account()
    {
        await using var provider = await CreateProviderAsync();
        var run = await SampleRun.LoadAsync(provider, SampleRun.SampleFolder(SampleRun.Commune), Ct);
        var plain = await CutoverCalculator.ComputeAsync(provider, run, Defaults, false, Ct);

        var result = await CutoverCalculator.ComputeAsync(provider, run, new CutoverOptions(ResultAccount: "130000"), false, Ct);

        var legacyResult = await IndependentClosing.ResultAsync(SampleRun.SampleFolder(SampleRun.Commune), Ct);
        Assert.NotEqual(0m, legacyResult);
        Assert.Equal(legacyResult, result.ClosedResult);
        var reserves = result.OpeningBalances.Single(b => b.Account == "130000");
        var before = plain.OpeningBalances.Single(b => b.Account == "130000");
        Assert.Equal(before.Net + legacyResult, reserves.Net);
        Assert.Equal(legacyResult, reserves.ClosedResult);
        Assert.Equal(
            plain.OpeningBalances.Single(b => b.Account == "100000").Net - legacyResult,
            result.OpeningBalances.Single(b => b.Account == "100000").Net);
        Assert.Equal(CheckStatus(result, "openingBalances:resultClosed"), (Verdict.Ok, legacyResult, legacyResult));
    }

    [Fact]
    public async Task The_commune_sample_reconciles_with_only_the_items_without_third_party_to_review()
    {
        await using var provider = await CreateProviderAsync();
        var run = await SampleRun.LoadAsync(provider, SampleRun.SampleFolder(SampleRun.Commune), Ct);

        var result = await CutoverCalculator.ComputeAsync(provider, run, Defaults, false, Ct);

        Assert.Equal(["openItems:withoutThirdParty"], result.Checks.Where(c => c.Status != Verdict.Ok).Select(c => c.Name));
        Assert.Equal(Verdict.Warning, result.Status);
        Assert.Equal([1, 2, 3], result.Checks.Select(c => c.Number).Distinct().Order());
    }

    [Fact]
    public async Task Open_items_per_account_sum_to_the_account_balance_and_items_without_third_party_are_kept()
    {
        await using var provider = await CreateProviderAsync();
        var run = await SampleRun.LoadAsync(provider, SampleRun.SampleFolder(SampleRun.Commune), Ct);

        var result = await CutoverCalculator.ComputeAsync(provider, run, Defaults, false, Ct);

        Assert.NotEmpty(result.OpenItemAccounts);
        foreach (var account in result.OpenItemAccounts)
        {
            var balance = result.OpeningBalances.SingleOrDefault(b => b.Account == account.Account)?.Net ?? 0m;
            Assert.Equal(
                (account.Account, balance),
                (account.Account, result.OpenItems.Where(i => i.Account == account.Account).Sum(i => i.Net)));
        }

        // The legacy opening books the suppliers' balance globally: it is an item without third party, of its amount.
        var opening = SampleFigures.Of(SampleRun.Commune).Net(SampleFigures.Suppliers, l => l["JOURNAL"] == "OUV");
        Assert.NotEqual(0m, opening);
        var supplier = result.OpenItems.Where(i => i.Account == "440000" && i.ThirdParty is null).ToList();
        Assert.Contains(supplier, i => i.Journal == "OUV" && i.Net == opening);
        Assert.Contains(result.OpenItems, i => i.ThirdParty is not null);
        Assert.All(result.OpenItems, i => Assert.NotEqual(0m, i.Net));
        Assert.All(result.OpenItems, i => Assert.Null(i.ThirdPartyName));
    }

    [Fact]
    public async Task An_invoice_and_its_payment_settle_each_other()
    {
        await using var provider = await CreateProviderAsync();
        var run = await SampleRun.LoadAsync(provider, SampleRun.SampleFolder(SampleRun.Commune), Ct);

        var result = await CutoverCalculator.ComputeAsync(provider, run, Defaults, true, Ct);

        // An invoice of the sample paid by a bank document of exactly its amount: neither is left open.
        var sample = SampleFigures.Of(SampleRun.Commune);
        var paid = sample.FirstPaidInvoice();
        var items = result.OpenItems.Where(i => i.ThirdParty == paid.Supplier).ToList();
        Assert.DoesNotContain(
            items,
            i => (i.Journal, i.Document) == ("ACH", paid.Invoice) || (i.Journal, i.Document) == ("FIN", paid.Payment));
        Assert.Equal(sample.Net(SampleFigures.Suppliers, l => l["TIERS"] == paid.Supplier), items.Sum(i => i.Net));
        Assert.All(items, i => Assert.Equal(paid.Name, i.ThirdPartyName));
    }

    [Fact]
    public async Task Instalments_that_pay_an_invoice_in_full_leave_nothing_open()
    {
        // The single-year commune of seed 1 has a receivable paid by two bank documents that add up to it exactly (the
        // committed 2023 is the second year of a history, generated differently).
        var folder = Temp.Combine("commune-2023-single");
        Bascule.Sample.SampleGenerator.Generate(new Bascule.Sample.SampleOptions(
            folder, Bascule.Extract.Values.EntityType.Commune, new Bascule.Extract.Values.FiscalYear(
                2023), 3000, 1, "Commune d'Etterbeek", Bascule.Sample.SampleOptions.EtterbeekIns));
        var paidInInstalments = SampleFigures.OfFolder(folder).ThirdPartyPaidInInstalments();
        await using var provider = await CreateProviderAsync();
        var run = await SampleRun.LoadAsync(provider, folder, Ct);

        var result = await CutoverCalculator.ComputeAsync(provider, run, Defaults, false, Ct);

        Assert.DoesNotContain(result.OpenItems, i => i.ThirdParty == paidInInstalments);
        Assert.All(
            result.OpenItems.GroupBy(i => (i.Account, i.ThirdParty)),
            g => Assert.Single(g.Select(i => Math.Sign(i.Net)).Distinct()));
    }

    [Fact]
    public async Task A_document_mapped_off_balance_is_left_out_of_the_opening_entry_and_said_so()
    {
        await using var provider = await CreateProviderAsync();
        var run = await SampleRun.LoadAsync(provider, SampleRun.SampleFolder(SampleRun.Commune), Ct);
        // The bank document that pays an invoice of the sample is mapped off balance.
        var sample = SampleFigures.Of(SampleRun.Commune);
        var paid = sample.FirstPaidInvoice();
        await StagingDatabase.ExecuteAsync(
            provider,
            "UPDATE staged_lines SET target_account = '090000' WHERE run_id = @run AND journal = 'FIN' AND document = @document",
            new { run, document = paid.Payment });
        var plain = await CutoverCalculator.ComputeAsync(provider, run, Defaults, false, Ct);

        Assert.DoesNotContain(plain.OpeningBalances, b => b.Account == "090000");
        // Each legacy account the document books on is off balance by what the document books on it.
        var document = sample.Document("FIN", paid.Payment);
        Assert.Equal(paid.Amount, document[SampleFigures.Suppliers] - sample.Net(
            SampleFigures.Suppliers,
            l => l["JOURNAL"] == "FIN" && l["NUM_PIECE"] == paid.Payment && l["TIERS"] != paid.Supplier));
        Assert.Equal(
            document.OrderBy(d => d.Key, StringComparer.Ordinal),
            plain.LegacyAccounts.Where(a => a.OffBalance != 0m).Select(a => KeyValuePair.Create(a.Account, a.OffBalance))
                .OrderBy(d => d.Key, StringComparer.Ordinal));
        Assert.Equal(0m, plain.OffBalanceExcluded);
        Assert.Equal(["openItems:withoutThirdParty"], plain.Checks.Where(c => c.Status != Verdict.Ok).Select(c => c.Name));
        // Without its payment, the invoice stays open, and the supplier's items add up to its balance without that payment.
        var items = plain.OpenItems.Where(i => i.ThirdParty == paid.Supplier).ToList();
        Assert.Contains(items, i => (i.Journal, i.Document) == ("ACH", paid.Invoice));
        Assert.Equal(
            sample.Net(
                SampleFigures.Suppliers,
                l => l["TIERS"] == paid.Supplier && !(l["JOURNAL"] == "FIN" && l["NUM_PIECE"] == paid.Payment)),
            items.Sum(i => i.Net));
    }

    [Fact]
    public async Task Open_commitments_sum_to_committed_minus_charged_with_their_new_article()
    {
        await using var provider = await CreateProviderAsync();
        var run = await SampleRun.LoadAsync(provider, SampleRun.SampleFolder(SampleRun.Commune), Ct);
        var committed = await StagingDatabase.ScalarAsync<long>(
            provider,
            "SELECT COUNT(*) FROM commitments WHERE run_id = @run",
            new { run });

        var result = await CutoverCalculator.ComputeAsync(provider, run, Defaults, false, Ct);

        Assert.True(committed > result.OpenCommitments.Count, "some commitments are fully charged");
        Assert.NotEmpty(result.OpenCommitments);
        Assert.All(result.OpenCommitments, c => Assert.True(c.Open > 0m));
        Assert.Equal(result.CommitmentsCommitted - result.CommitmentsCharged, result.OpenCommitments.Sum(c => c.Open));
        Assert.All(result.OpenCommitments, c => Assert.Matches(@"^\d\d\.\d\d$", c.Economic));
        var salaries = result.OpenCommitments.First(c => c.LegacyArticle == "104/111-01");
        Assert.Equal(("11.11", "104"), (salaries.Economic, salaries.Function));
        Assert.Equal(Verdict.Ok, CheckStatus(result, "openCommitments:total").Status);
    }

    [Fact]
    public async Task A_legacy_closing_one_cent_off_is_a_finding_on_that_account()
    {
        await using var provider = await CreateProviderAsync();
        var run = await SampleRun.LoadAsync(provider, SampleRun.SampleFolder(SampleRun.Commune), Ct);
        await StagingDatabase.ExecuteAsync(
            provider, "UPDATE legacy_balance SET closing_debit = closing_debit + @cent WHERE run_id = @run AND account = '4000000'",
            new { run, cent = provider.ToParameter(Amount.FromEuros(0.01m)) });

        var result = await CutoverCalculator.ComputeAsync(provider, run, Defaults, false, Ct);

        Assert.Equal(Verdict.Failed, result.Status);
        Assert.Equal(-0.01m, result.Check("openingBalances:4000000:ledgerClosing").Difference);
        Assert.Equal(-0.01m, result.Check("openingBalances:4000000:mapped").Difference);
        Assert.Equal((Verdict.Failed, 0m, 1m), CheckStatus(result, "openingBalances:legacyAccounts:differing"));
        Assert.Equal(-0.01m, result.Check("openingBalances:legacyClosing").Difference);
        Assert.Equal(Verdict.Ok, result.Check("openingBalances:debitEqualsCredit").Status);
    }

    [Fact]
    public async Task A_staged_line_one_cent_off_unbalances_the_opening_entry_and_its_account()
    {
        await using var provider = await CreateProviderAsync();
        var run = await SampleRun.LoadAsync(provider, SampleRun.SampleFolder(SampleRun.Commune), Ct);
        var record = await StagingDatabase.ScalarAsync<long>(
            provider, "SELECT MIN(record) FROM staged_lines WHERE run_id = @run AND account = '4400000' AND journal = 'FIN' AND debit > 0",
            new { run });
        await StagingDatabase.ExecuteAsync(
            provider, "UPDATE staged_lines SET debit = debit + @cent WHERE run_id = @run AND record = @record",
            new { run, record, cent = provider.ToParameter(Amount.FromEuros(0.01m)) });

        var result = await CutoverCalculator.ComputeAsync(provider, run, Defaults, false, Ct);

        Assert.Equal(-0.01m, result.Check("openingBalances:debitEqualsCredit").Difference);
        Assert.Equal(Verdict.Failed, result.Check("openingBalances:debitEqualsCredit").Status);
        Assert.Equal(0.01m, result.Check("openingBalances:4400000:mapped").Difference);
        Assert.DoesNotContain(result.Checks, c => c.Name == "openingBalances:4400000:ledgerClosing");
        Assert.Equal(Verdict.Ok, result.Check("openItems:440000").Status);
        Assert.Equal(Verdict.Failed, result.Status);
    }

    [Fact]
    public async Task An_over_charged_commitment_is_a_warning_that_explains_the_difference()
    {
        await using var provider = await CreateProviderAsync();
        var run = await SampleRun.LoadAsync(provider, SampleRun.SampleFolder(SampleRun.Commune), Ct);
        await StagingDatabase.ExecuteAsync(
            provider, "UPDATE commitments SET charged = committed + @amount WHERE run_id = @run AND commitment_number = '2023/00001'",
            new { run, amount = provider.ToParameter(Amount.FromEuros(12.34m)) });

        var result = await CutoverCalculator.ComputeAsync(provider, run, Defaults, false, Ct);

        Assert.Equal((Verdict.Warning, 0m, 1m), CheckStatus(result, "openCommitments:overCharged"));
        Assert.Equal(
            (Verdict.Warning, 12.34m),
            (result.Check("openCommitments:total").Status, result.Check("openCommitments:total").Difference));
        Assert.Equal(-12.34m, Assert.Single(result.OverCharged).Open);
    }

    [Fact]
    public async Task A_run_that_is_not_published_is_refused()
    {
        await using var provider = await CreateProviderAsync();
        var run = await SampleRun.LoadAsync(provider, SampleRun.SampleFolder(SampleRun.Cpas), Ct);
        await StagingDatabase.ExecuteAsync(provider, "UPDATE runs SET status = 'superseded' WHERE run_id = @run", new { run });

        var error = await Assert.ThrowsAsync<CutoverException>(() => CutoverCalculator.ComputeAsync(provider, run, Defaults, false, Ct));

        Assert.Contains("superseded, not published", error.Message, StringComparison.Ordinal);
        Assert.Contains("bascule runs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_as_of_date_inside_the_legacy_year_is_refused()
    {
        await using var provider = await CreateProviderAsync();
        var run = await SampleRun.LoadAsync(provider, SampleRun.SampleFolder(SampleRun.Cpas), Ct);

        var error = await Assert.ThrowsAsync<CutoverException>(
            () => CutoverCalculator.ComputeAsync(provider, run, new CutoverOptions(new DateOnly(2023, 12, 31)), false, Ct));

        Assert.Contains("2024-01-01", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cpas_sample_opens_balanced_on_its_own_accounts()
    {
        await using var provider = await CreateProviderAsync();
        var run = await SampleRun.LoadAsync(provider, SampleRun.SampleFolder(SampleRun.Cpas), Ct);

        var result = await CutoverCalculator.ComputeAsync(provider, run, Defaults, false, Ct);

        var expected = await IndependentClosing.OpeningBalancesAsync(SampleRun.SampleFolder(SampleRun.Cpas), Defaults.ResultAccount, Ct);
        Assert.Equal(
            expected.OrderBy(e => e.Key, StringComparer.Ordinal),
            result.OpeningBalances.Select(b => KeyValuePair.Create(b.Account, b.Net)));
        Assert.DoesNotContain(result.Checks, c => c.Status == Verdict.Failed);
    }

    [Theory]
    [InlineData(SampleRun.Commune)]
    [InlineData(SampleRun.Cpas)]
    public async Task Every_control_account_and_expenditure_article_of_a_clean_sample_agrees_with_the_legacy_files(string sample)
    {
        await using var provider = await CreateProviderAsync();
        var run = await SampleRun.LoadAsync(provider, SampleRun.SampleFolder(sample), Ct);

        var result = await CutoverCalculator.ComputeAsync(provider, run, Defaults, false, Ct);

        var closings = await LegacyFiles.ControlClosingsAsync(SampleRun.SampleFolder(sample), Ct);
        Assert.NotEmpty(closings);
        foreach (var (account, closing) in closings)
        {
            Assert.Equal(
                (account, Verdict.Ok, closing, closing),
                Named(account, CheckStatus(result, $"openItems:{account}:legacyClosing")));
        }

        var articles = await LegacyFiles.ExpenditureStillCommittedAsync(SampleRun.SampleFolder(sample), Ct);
        Assert.Contains(articles, a => a.Value > 0m);
        foreach (var (article, open) in articles)
        {
            Assert.Equal((article, Verdict.Ok, open, open), Named(article, CheckStatus(result, $"openCommitments:{article}")));
        }

        Assert.All(result.ControlAccounts, a => Assert.Equal((a.LegacyAccount, 0m), (a.LegacyAccount, a.Difference)));
        Assert.All(result.CommitmentArticles, a => Assert.Equal((a.Article, 0m), (a.Article, a.Difference)));
    }

    [Theory]
    [InlineData(SampleRun.Commune)]
    [InlineData(SampleRun.Cpas)]
    public async Task A_commitment_missing_from_the_export_fails_its_article_by_its_open_amount(string sample)
    {
        var copy = SampleRun.CopySample(Temp, sample);
        var commitments = await LegacyFiles.CommitmentsAsync(copy, Ct);
        var gone = commitments.Values.First(c => c.Committed.Value > c.Charged.Value);
        var open = gone.Committed.Value - gone.Charged.Value;
        var article = gone.Article.ToString();
        var stillCommitted = (await LegacyFiles.ExpenditureStillCommittedAsync(copy, Ct))[article];
        ExportRecords.Remove(copy, gone.Lineage.File, commitments.All, new HashSet<long> { gone.Lineage.Record });
        await using var provider = await CreateProviderAsync();
        var run = await SampleRun.LoadAsync(provider, copy, Ct);

        var result = await CutoverCalculator.ComputeAsync(provider, run, Defaults, false, Ct);

        var name = $"openCommitments:{article}";
        Assert.Equal((Verdict.Failed, stillCommitted, stillCommitted - open), CheckStatus(result, name));
        Assert.Equal(-open, result.Check(name).Difference);
        Assert.Equal([name], result.Checks.Where(c => c.Status == Verdict.Failed).Select(c => c.Name));
        Assert.All(
            result.CommitmentArticles.Where(a => a.Article != article),
            a => Assert.Equal((a.Article, Verdict.Ok), (a.Article, result.Check($"openCommitments:{a.Article}").Status)));
        // The total compares the commitments with themselves: it cannot see one that is missing.
        Assert.Equal(Verdict.Ok, result.Check("openCommitments:total").Status);
    }

    [Theory]
    [InlineData(SampleRun.Commune)]
    [InlineData(SampleRun.Cpas)]
    public async Task A_third_partys_open_item_missing_from_the_ledger_fails_its_control_account_by_its_amount(string sample)
    {
        await using var provider = await CreateProviderAsync();
        var clean = await CutoverCalculator.ComputeAsync(
            provider,
            await SampleRun.LoadAsync(provider, SampleRun.SampleFolder(sample), Ct),
            Defaults,
            false,
            Ct);
        var copy = SampleRun.CopySample(Temp, sample);
        var ledger = await LegacyFiles.LedgerAsync(copy, Ct);
        var documents = ledger.Values.ToLookup(l => (l.Journal, l.DocumentNumber));
        // An open invoice whose document touches no other control account: its removal changes that account only.
        var item = clean.OpenItems.First(
            i => i.ThirdParty is not null && documents[(i.Journal, i.Document)].Count(l => LegacyFiles.IsControl(l.Account.Value)) == 1);
        var lines = documents[(item.Journal, item.Document)].ToList();
        var control = lines.Single(l => LegacyFiles.IsControl(l.Account.Value));
        Assert.Equal((item.LegacyAccount, item.ThirdParty), (control.Account.Value, control.ThirdParty));
        var removed = control.Debit.Value - control.Credit.Value;
        ExportRecords.Remove(
            copy, control.Lineage.File, ledger.All, lines.Select(l => l.Lineage.Record).ToHashSet(),
            lines.Sum(l => l.Debit.Value), lines.Sum(l => l.Credit.Value));
        var closing = (await LegacyFiles.ControlClosingsAsync(copy, Ct))[item.LegacyAccount];
        var run = await SampleRun.LoadAsync(provider, copy, Ct);

        var result = await CutoverCalculator.ComputeAsync(provider, run, Defaults, false, Ct);

        var name = $"openItems:{item.LegacyAccount}:legacyClosing";
        Assert.Equal((Verdict.Failed, closing, closing - removed), CheckStatus(result, name));
        Assert.Equal(-removed, result.Check(name).Difference);
        Assert.Equal([name], result.Checks.Where(c => c.Number == 2 && c.Status == Verdict.Failed).Select(c => c.Name));
        Assert.DoesNotContain(
            result.OpenItems,
            i => (i.Journal, i.Document, i.ThirdParty) == (item.Journal, item.Document, item.ThirdParty));
        // The new account's opening balance comes from the same staged lines as its items: it agrees with them all the same.
        Assert.Equal(Verdict.Ok, result.Check($"openItems:{item.Account}").Status);
    }

    [Fact]
    public async Task A_control_account_with_a_closing_balance_and_no_open_item_at_all_fails()
    {
        await using var provider = await CreateProviderAsync();
        var run = await SampleRun.LoadAsync(provider, SampleRun.SampleFolder(SampleRun.Commune), Ct);
        var (account, closing) = (await LegacyFiles.ControlClosingsAsync(SampleRun.SampleFolder(SampleRun.Commune), Ct)).First(
            c => c.Value != 0m);
        await StagingDatabase.ExecuteAsync(
            provider,
            "DELETE FROM staged_lines WHERE run_id = @run AND account = @account",
            new { run, account });

        var result = await CutoverCalculator.ComputeAsync(provider, run, Defaults, false, Ct);

        Assert.DoesNotContain(result.OpenItems, i => i.LegacyAccount == account);
        Assert.Equal((Verdict.Failed, closing, 0m), CheckStatus(result, $"openItems:{account}:legacyClosing"));
        Assert.Equal(0, result.ControlAccounts.Single(a => a.LegacyAccount == account).Items);
    }

    private static (string Name, Verdict Status, decimal Expected, decimal Found) Named(
        string name,
        (Verdict Status, decimal Expected, decimal Found) check) =>
        (name, check.Status, check.Expected, check.Found);

    private static (Verdict Status, decimal Expected, decimal Found) CheckStatus(CutoverResult result, string name)
    {
        var check = result.Check(name);
        return (check.Status, check.Expected, check.Found);
    }
}

public sealed class SqliteCutoverTests(SqliteDatabase database) : CutoverTests<SqliteDatabase>(database);

public sealed class PostgresCutoverTests(PostgresDatabase database) : CutoverTests<PostgresDatabase>(database);

public sealed class SqlServerCutoverTests(SqlServerDatabase database) : CutoverTests<SqlServerDatabase>(database);
