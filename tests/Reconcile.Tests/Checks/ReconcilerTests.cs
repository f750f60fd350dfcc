using Bascule.Extract.Values;
using Bascule.Load.Providers;
using Bascule.Load.Runs;
using Bascule.Reconcile.Model;
using Bascule.Reconcile.Staging;
using Bascule.Reconcile.Tests.Support;
using Bascule.TestSupport;
using Bascule.TestSupport.Staging;
using Dapper;

namespace Bascule.Reconcile.Tests.Checks;

/// <summary>
/// The nine checks on a real run of the committed commune sample, loaded into a real database, then damaged behind the
/// pipeline's back (a staged line removed, an amount changed by one cent, a file record dropped): the right check fails
/// with the right difference. Run once per provider.
/// </summary>
public abstract class ReconcilerTests<TDatabase>(TDatabase database) : StagingSuite<TDatabase>(database)
    where TDatabase : StagingDatabase
{
    // The commune sample's ledger totals, summed from its ECRITURES.csv.
    private static readonly SampleFigures Commune = SampleFigures.Of(SampleRun.Commune);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_commune_sample_reconciles_with_every_check_ok()
    {
        await using var provider = await CreateProviderAsync();
        var run = await SampleRun.LoadAsync(provider, SampleRun.SampleFolder(SampleRun.Commune), Ct);

        var result = await Reconciler.ComputeAsync(provider, run, SampleRun.SampleFolder(SampleRun.Commune), Ct);

        Assert.Empty(result.Checks.Where(c => c.Status != Verdict.Ok).Select(c => $"{c.Name}: {c.Expected} → {c.Found}"));
        Assert.Equal(Verdict.Ok, result.Status);
        Assert.Equal("ECRITURES.csv", result.LedgerSource);
        Assert.Equal(Enumerable.Range(1, 9), result.Checks.Select(c => c.Number).Distinct().Order());
        Assert.Equal(Commune.Debit(), result.Totals.Source.Debit);
        Assert.Equal(Commune.Credit(), result.Totals.Staged.Credit);
        Assert.Equal(3000, result.SourceFiles.Single(f => f.Name == "ECRITURES.csv").Staged);
        Assert.Equal(result.Totals.Staged.Debit, result.TargetAccounts.Sum(t => t.Amounts.Debit));
        Assert.Equal(32, result.TrialBalance.Count(t => t.Agrees));
        Assert.NotEmpty(result.Articles);
    }

    [Fact]
    public async Task A_source_reread_started_before_the_run_was_loaded_reconciles_it_as_one_started_after()
    {
        await using var provider = await CreateProviderAsync();
        var folder = SampleRun.SampleFolder(SampleRun.Commune);
        // The export re-read while the run loads, independent of the load.
        var early = Reconciler.StartSourceReread(folder, Bascule.Extract.Profiles.ExportProfile.Default, Ct);
        var run = await SampleRun.LoadAsync(provider, folder, Ct);
        var line = await DeleteUnsplitDebitLineAsync(provider, run);

        var fromEarly = await Reconciler.ComputeAsync(provider, run, early, Ct);
        var fromLate = await Reconciler.ComputeAsync(provider, run, folder, Ct);

        Assert.Equal(fromLate.Checks, fromEarly.Checks);
        AssertOneLineMissing(fromEarly, line);
    }

    [Fact]
    public async Task The_source_side_a_load_read_reconciles_its_run_as_a_reread_does()
    {
        await using var provider = await CreateProviderAsync();
        var folder = SampleRun.SampleFolder(SampleRun.Commune);
        // As migrate does: the ledger's source side summed from the load's own read, before mapping.
        var (run, source) = await SampleRun.LoadKeepingSourceAsync(provider, folder, Ct);
        var line = await DeleteUnsplitDebitLineAsync(provider, run);

        var fromLoad = await Reconciler.ComputeFromLoadAsync(provider, run, source, Ct);
        var fromReread = await Reconciler.ComputeAsync(provider, run, folder, Ct);

        Assert.Equal(fromReread.Checks, fromLoad.Checks);
        Assert.Equal(fromReread.Totals, fromLoad.Totals);
        AssertOneLineMissing(fromLoad, line);
    }

    // One staged line removed behind the pipeline's back; its source stays in the ledger.
    private static async Task<(long Record, string Account, decimal Debit)> DeleteUnsplitDebitLineAsync(
        IStagingProvider provider,
        RunId run)
    {
        var line = await UnsplitDebitLineAsync(provider, run);
        await StagingDatabase.ExecuteAsync(
            provider,
            "DELETE FROM staged_lines WHERE run_id = @run AND record = @record",
            new { run, record = line.Record });
        return (line.Record, line.Account, line.Debit);
    }

    // The source side read from ECRITURES.csv itself sees the line the staging database lost; every file is the one the run read.
    private static void AssertOneLineMissing(ReconciliationResult result, (long Record, string Account, decimal Debit) line)
    {
        Assert.Equal("ECRITURES.csv", result.LedgerSource);
        AssertCheck(result, "completeness:ECRITURES.csv:read", Verdict.Failed, 3000, 2999);
        AssertCheck(result, $"legacyAccounts:{line.Account}:debit", Verdict.Failed, null, null, -line.Debit);
        var hashes = result.Checks.Where(
            c => c.Name.StartsWith("completeness:", StringComparison.Ordinal)
                && c.Name.EndsWith(":sha256", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, hashes.Count);
        Assert.All(hashes, c => Assert.Equal(Verdict.Ok, c.Status));
    }

    [Fact]
    public async Task The_cpas_sample_reconciles_from_the_database_alone()
    {
        await using var provider = await CreateProviderAsync();
        var run = await SampleRun.LoadAsync(provider, SampleRun.SampleFolder(SampleRun.Cpas), Ct);

        var result = await Reconciler.ComputeAsync(provider, run, exportFolder: null, Ct);

        Assert.Equal(SourceLedger.FromStaging, result.LedgerSource);
        Assert.Empty(result.Checks.Where(c => c.Status != Verdict.Ok).Select(c => c.Name));
        Assert.Equal("CPAS", result.Run.EntityType);
    }

    [Fact]
    public async Task A_removed_staged_line_fails_completeness_and_the_source_amounts()
    {
        await using var provider = await CreateProviderAsync();
        var run = await SampleRun.LoadAsync(provider, SampleRun.SampleFolder(SampleRun.Commune), Ct);
        var line = await UnsplitDebitLineAsync(provider, run);
        await StagingDatabase.ExecuteAsync(
            provider,
            "DELETE FROM staged_lines WHERE run_id = @run AND record = @record",
            new { run, record = line.Record });

        var result = await Reconciler.ComputeAsync(provider, run, SampleRun.SampleFolder(SampleRun.Commune), Ct);

        AssertCheck(result, "completeness:ECRITURES.csv:read", Verdict.Failed, 3000, 2999);
        AssertCheck(result, "amounts:total:debit", Verdict.Failed, Commune.Debit(), Commune.Debit() - line.Debit);
        AssertCheck(result, $"amounts:2023:{line.Journal}:debit", Verdict.Failed, null, null, -line.Debit);
        AssertCheck(result, $"legacyAccounts:{line.Account}:debit", Verdict.Failed, null, null, -line.Debit);
        AssertCheck(result, "controlTotals:ECRITURES.csv:debit", Verdict.Failed, Commune.Debit(), Commune.Debit() - line.Debit);
        Assert.Equal(Verdict.Failed, result.Status);
    }

    [Fact]
    public async Task A_staged_amount_one_cent_off_fails_amounts_balance_and_its_legacy_account()
    {
        await using var provider = await CreateProviderAsync();
        var run = await SampleRun.LoadAsync(provider, SampleRun.SampleFolder(SampleRun.Commune), Ct);
        var line = await UnsplitDebitLineAsync(provider, run);
        await StagingDatabase.ExecuteAsync(
            provider, "UPDATE staged_lines SET debit = debit + @cent WHERE run_id = @run AND record = @record", new { run, record = line
                .Record, cent = provider.ToParameter(Amount.FromEuros(0.01m)) });

        var result = await Reconciler.ComputeAsync(provider, run, exportFolder: null, Ct);

        AssertCheck(result, $"amounts:2023:{line.Journal}:debit", Verdict.Failed, null, null, 0.01m);
        AssertCheck(result, $"legacyAccounts:{line.Account}:debit", Verdict.Failed, null, null, 0.01m);
        AssertCheck(result, "legacyAccounts:differing", Verdict.Failed, 0, 1);
        AssertCheck(result, "targetAccounts:debit", Verdict.Failed, null, null, 0.01m);
        AssertCheck(result, "balance:staged", Verdict.Failed, null, null, -0.01m);
        AssertCheck(result, "balance:unbalancedDocuments", Verdict.Failed, 0, 1);
        var document = Assert.Single(result.UnbalancedDocuments);
        Assert.Equal((line.Journal, 0.01m, false), (document.Journal, document.Difference, document.ExplainedByUnmapped));
        AssertCheck(result, "completeness:ECRITURES.csv:read", Verdict.Ok, 3000, 3000);
    }

    [Fact]
    public async Task A_dropped_file_record_fails_completeness_for_that_file()
    {
        await using var provider = await CreateProviderAsync();
        var run = await SampleRun.LoadAsync(provider, SampleRun.SampleFolder(SampleRun.Commune), Ct);
        await StagingDatabase.ExecuteAsync(
            provider,
            "DELETE FROM run_files WHERE run_id = @run AND source_file = 'BALANCE.csv'",
            new { run });

        var result = await Reconciler.ComputeAsync(provider, run, exportFolder: null, Ct);

        AssertCheck(result, "completeness:BALANCE.csv:recorded", Verdict.Failed, 32, 0);
        Assert.Equal(Verdict.Failed, result.Status);
    }

    [Fact]
    public async Task A_dropped_trial_balance_record_fails_completeness_and_the_trial_balance()
    {
        await using var provider = await CreateProviderAsync();
        var run = await SampleRun.LoadAsync(provider, SampleRun.SampleFolder(SampleRun.Commune), Ct);
        var account = await StagingDatabase.ScalarAsync<string>(
            provider,
            "SELECT MIN(account) FROM legacy_balance WHERE run_id = @run",
            new { run });
        await StagingDatabase.ExecuteAsync(
            provider,
            "DELETE FROM legacy_balance WHERE run_id = @run AND account = @account",
            new { run, account });

        var result = await Reconciler.ComputeAsync(provider, run, exportFolder: null, Ct);

        AssertCheck(result, "completeness:BALANCE.csv:read", Verdict.Failed, 32, 31);
        AssertCheck(result, "trialBalance:differing", Verdict.Failed, 0, 1);
        var row = result.TrialBalance.Single(t => t.Account == account);
        AssertCheck(result, $"trialBalance:{account}:closing", Verdict.Failed, 0m, row.Ledger.Closing);
    }

    [Fact]
    public async Task A_closing_balance_one_cent_off_fails_the_trial_balance_for_that_account()
    {
        await using var provider = await CreateProviderAsync();
        var run = await SampleRun.LoadAsync(provider, SampleRun.SampleFolder(SampleRun.Commune), Ct);
        var account = await StagingDatabase.ScalarAsync<string>(
            provider,
            "SELECT MIN(account) FROM legacy_balance WHERE run_id = @run AND closing_debit > 0",
            new { run });
        await StagingDatabase.ExecuteAsync(
            provider, "UPDATE legacy_balance SET closing_debit = closing_debit + @cent WHERE run_id = @run AND account = @account",
            new { run, account, cent = provider.ToParameter(Amount.FromEuros(0.01m)) });

        var result = await Reconciler.ComputeAsync(provider, run, SampleRun.SampleFolder(SampleRun.Commune), Ct);

        AssertCheck(result, $"trialBalance:{account}:closing", Verdict.Failed, null, null, -0.01m);
        AssertCheck(result, "amounts:total:debit", Verdict.Ok, null, null, 0m);
    }

    [Fact]
    public async Task A_control_total_that_disagrees_with_what_was_read_is_failed_with_the_difference()
    {
        await using var provider = await CreateProviderAsync();
        var run = await SampleRun.LoadAsync(provider, SampleRun.SampleFolder(SampleRun.Commune), Ct);
        await StagingDatabase.ExecuteAsync(
            provider, "UPDATE run_files SET control_credit = control_credit + @cent WHERE run_id = @run AND source_file = 'ECRITURES.csv'",
            new { run, cent = provider.ToParameter(Amount.FromEuros(0.01m)) });

        var result = await Reconciler.ComputeAsync(provider, run, exportFolder: null, Ct);

        AssertCheck(result, "controlTotals:ECRITURES.csv:credit", Verdict.Failed, Commune.Credit() + 0.01m, Commune.Credit(), -0.01m);
        AssertCheck(result, "controlTotals:ECRITURES.csv:debit", Verdict.Ok, Commune.Debit(), Commune.Debit());
    }

    [Fact]
    public async Task An_unmapped_line_is_a_warning_shown_with_its_amount_never_hidden_in_a_difference()
    {
        await using var provider = await CreateProviderAsync();
        var run = await SampleRun.LoadAsync(provider, SampleRun.SampleFolder(SampleRun.Commune), Ct);
        var line = await UnsplitDebitLineAsync(provider, run);
        await StagingDatabase.ExecuteAsync(
            provider,
            """
            INSERT INTO unmapped_lines (run_id, batch, source_file, record, line, fiscal_year, journal, document, line_number, booking_date,
            account, article, service, third_party, label, debit, credit)
            SELECT run_id, batch, source_file, record, line, fiscal_year, journal, document, line_number, booking_date, account, article,
            service, third_party, label, source_debit, source_credit
            FROM staged_lines WHERE run_id = @run AND record = @record;
            DELETE FROM staged_lines WHERE run_id = @run AND record = @record;
            """,
            new { run, record = line.Record });

        var result = await Reconciler.ComputeAsync(provider, run, SampleRun.SampleFolder(SampleRun.Commune), Ct);

        Assert.Equal(Verdict.Warning, result.Status);
        AssertCheck(result, "exceptions:unmappedLines", Verdict.Warning, 0, 1);
        AssertCheck(result, "exceptions:unmappedDebit", Verdict.Warning, 0, line.Debit);
        AssertCheck(result, "amounts:total:debit", Verdict.Ok, Commune.Debit(), Commune.Debit());
        AssertCheck(result, "completeness:ECRITURES.csv:read", Verdict.Ok, 3000, 3000);
        AssertCheck(result, "balance:unbalancedDocuments", Verdict.Warning, 0, 1);
        Assert.True(Assert.Single(result.UnbalancedDocuments).ExplainedByUnmapped);
        var unmapped = Assert.Single(result.Unmapped);
        Assert.Equal((line.Account, 1L, line.Debit), (unmapped.Account, unmapped.Count, unmapped.Amounts.Debit));
        Assert.Equal(result.Totals.Source.Debit, result.Totals.Staged.Debit + result.Totals.Unmapped.Debit);
    }

    [Fact]
    public async Task A_budget_execution_that_disagrees_with_its_ledger_is_a_warning()
    {
        await using var provider = await CreateProviderAsync();
        var run = await SampleRun.LoadAsync(provider, SampleRun.SampleFolder(SampleRun.Commune), Ct);
        await StagingDatabase.ExecuteAsync(
            provider, "UPDATE budget_articles SET charged = charged + @cent WHERE run_id = @run AND article = '104/111-01'",
            new { run, cent = provider.ToParameter(Amount.FromEuros(0.01m)) });

        var result = await Reconciler.ComputeAsync(provider, run, exportFolder: null, Ct);

        AssertCheck(result, "budget:differing", Verdict.Warning, 0, 1);
        var article = result.Articles.Single(a => a.Article == "104/111-01");
        Assert.Equal(article.LedgerCharged + 0.01m, article.Budget.Charged);
        Assert.Equal(Verdict.Warning, result.Status);
    }

    [Fact]
    public async Task An_export_folder_that_changed_since_the_run_fails_the_hash_check()
    {
        await using var provider = await CreateProviderAsync();
        var folder = SampleRun.CopySample(Temp, SampleRun.Commune);
        var run = await SampleRun.LoadAsync(provider, folder, Ct);
        File.AppendAllText(Path.Combine(folder, "TIERS.csv"), "");
        var bytes = File.ReadAllBytes(Path.Combine(folder, "ENGAGEMENTS.csv"));
        File.WriteAllBytes(Path.Combine(folder, "ENGAGEMENTS.csv"), [.. bytes, (byte)'\r', (byte)'\n']);

        var result = await Reconciler.ComputeAsync(provider, run, folder, Ct);

        AssertCheck(result, "completeness:ENGAGEMENTS.csv:sha256", Verdict.Failed, 1, 0);
        AssertCheck(result, "completeness:ECRITURES.csv:sha256", Verdict.Ok, 1, 1);
    }

    [Fact]
    public async Task An_unknown_run_says_how_to_find_the_right_one()
    {
        await using var provider = await CreateProviderAsync();
        await provider.EnsureSchemaAsync(Ct);

        var error = await Assert.ThrowsAsync<ReconcileException>(
            () => Reconciler.ComputeAsync(provider, RunId.Parse("01936f8e-8c2a-7c41-9d2e-5b1f3a7c9e10"), null, Ct));

        Assert.Contains("bascule runs", error.Message, StringComparison.Ordinal);
    }

    private static void AssertCheck(
        ReconciliationResult result,
        string name,
        Verdict status,
        decimal? expected,
        decimal? found,
        decimal? difference = null)
    {
        var check = result.Checks.SingleOrDefault(c => c.Name == name);
        Assert.True(check is not null, $"no check {name}; checks: {string.Join(", ", result.Checks.Select(c => c.Name))}");
        Assert.Equal(status, check.Status);
        if (expected is { } e)
        {
            Assert.Equal(e, check.Expected);
        }

        if (found is { } f)
        {
            Assert.Equal(f, check.Found);
        }

        if (difference is { } d)
        {
            Assert.Equal(d, check.Difference);
        }
    }

    private static async Task<(long Record, string Journal, string Account, decimal Debit)> UnsplitDebitLineAsync(
        IStagingProvider provider,
        RunId run)
    {
        var record = await StagingDatabase.ScalarAsync<long>(
            provider,
            """
            SELECT MIN(s.record) FROM staged_lines s
            WHERE s.run_id = @run AND s.part = 1 AND s.journal <> 'OUV' AND s.source_debit > 0
              AND NOT EXISTS (SELECT 1 FROM staged_lines p WHERE p.run_id = s.run_id AND p.record = s.record AND p.part = 2)
            """,
            new { run });
        var journal = await StagingDatabase.ScalarAsync<string>(
            provider,
            "SELECT journal FROM staged_lines WHERE run_id = @run AND record = @record",
            new { run, record });
        var account = await StagingDatabase.ScalarAsync<string>(
            provider,
            "SELECT account FROM staged_lines WHERE run_id = @run AND record = @record",
            new { run, record });
        await using var connection = await provider.OpenAsync(Ct);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            "SELECT source_debit FROM staged_lines WHERE run_id = @run AND record = @record", new { run, record }, cancellationToken: Ct));
        await reader.ReadAsync(Ct);
        return (record, journal, account, provider.ReadAmount(reader, 0).Value);
    }
}

public sealed class SqliteReconcilerTests(SqliteDatabase database) : ReconcilerTests<SqliteDatabase>(database);

public sealed class PostgresReconcilerTests(PostgresDatabase database) : ReconcilerTests<PostgresDatabase>(database);

public sealed class SqlServerReconcilerTests(SqlServerDatabase database) : ReconcilerTests<SqlServerDatabase>(database);
