using System.Text.Json;
using Bascule.Extract.Values;
using Bascule.Load.Providers.Sqlite;
using Bascule.Load.Reconciliation;
using Bascule.Load.Runs;
using Bascule.Load.Tests.Staging;
using Bascule.TestSupport;

namespace Bascule.Load.Tests.Reconciliation;

public sealed class RunReconciliationTests
{
    [Fact]
    public async Task Every_line_read_is_accounted_for_and_splits_lose_no_cent()
    {
        using var temp = new TempDirectory();
        await using var provider = new SqliteStagingProvider(SqliteStagingProvider.ConnectionStringFor(temp.Combine("staging.db"), temp.Path));
        var export = new TestExport();
        var run = await export.LoadAsync(provider, new StagingOptions { BatchSize = 17 });

        var report = await RunReconciliation.ComputeAsync(provider, run.Id, export.Header, TestContext.Current.CancellationToken);

        var ledger = report.SourceFiles.Single(f => f.Name == TestExport.Ledger);
        Assert.Equal(export.Staged.Select(s => s.Source.Lineage.Record).Distinct().Count(), ledger.Staged);
        Assert.Equal(export.Unmapped.Count, ledger.Unmapped);
        Assert.Equal(2, ledger.Rejected);
        Assert.Equal(CheckStatus.Ok, Check(report, "completeness:ECRITURES.csv:read").Status);
        Assert.Equal(CheckStatus.Ok, Check(report, "amounts:debit").Status);
        Assert.Equal(CheckStatus.Ok, Check(report, "amounts:credit").Status);
        Assert.Equal(CheckStatus.Ok, Check(report, "legacyAccounts:unreconciled").Status);
        Assert.Equal(export.Unmapped.Count, Check(report, "exceptions:unmappedLines").Found);
        Assert.Equal(export.Staged.Sum(s => s.Debit.Value), report.Totals.StagedDebit);
        Assert.Equal(export.Unmapped.Sum(s => s.Debit.Value), report.Totals.UnmappedDebit);
        Assert.Equal(report.Totals.StagedDebit, report.TargetAccounts.Sum(t => t.Debit));
        Assert.Empty(report.Checks.Where(c => c.Status == CheckStatus.Failed).Select(c => $"{c.Name}: expected {c.Expected}, found {c.Found}"));
        Assert.Equal(CheckStatus.Warning, report.Status);
    }

    [Fact]
    public async Task A_count_that_disagrees_with_the_control_file_fails_the_reconciliation()
    {
        using var temp = new TempDirectory();
        await using var provider = new SqliteStagingProvider(SqliteStagingProvider.ConnectionStringFor(temp.Combine("staging.db"), temp.Path));
        var export = new TestExport();
        var run = await export.LoadAsync(provider);
        var read = export.Staged.Select(s => s.Source).Distinct().Count() + export.Unmapped.Count + 2;
        await run.RecordFilesAsync([new RunFile(TestExport.Ledger, new string('c', 64), read, read + 1, Amount.Zero, Amount.Zero)], TestContext.Current.CancellationToken);

        var report = await RunReconciliation.ComputeAsync(provider, run.Id, export.Header, TestContext.Current.CancellationToken);

        var completeness = Check(report, "completeness:ECRITURES.csv:control");
        Assert.Equal((CheckStatus.Failed, read + 1m, read * 1m, -1m), (completeness.Status, completeness.Expected, completeness.Found, completeness.Difference));
        Assert.Equal(CheckStatus.Failed, Check(report, "controlTotals:ECRITURES.csv:debit").Status);
        Assert.Equal(CheckStatus.Failed, report.Status);
    }

    [Fact]
    public async Task The_json_has_the_spec_field_names_and_amounts_with_two_decimals()
    {
        using var temp = new TempDirectory();
        await using var provider = new SqliteStagingProvider(SqliteStagingProvider.ConnectionStringFor(temp.Combine("staging.db"), temp.Path));
        var export = new TestExport();
        var run = await export.LoadAsync(provider);
        var report = await RunReconciliation.ComputeAsync(provider, run.Id, export.Header, TestContext.Current.CancellationToken);

        var json = ReconciliationJson.Serialize(report);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;

        foreach (var name in new[] { "runId", "entity", "fiscalYear", "mapping", "sourceFiles", "totals", "targetAccounts", "checks", "status" })
        {
            Assert.True(root.TryGetProperty(name, out _), $"missing {name}");
        }

        Assert.Equal("WARNING", root.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Number, root.GetProperty("totals").GetProperty("stagedDebit").ValueKind);
        Assert.Matches(@"^-?\d+\.\d{2}$", root.GetProperty("totals").GetProperty("stagedDebit").GetRawText());
        Assert.Matches(@"^-?\d+\.\d{2}$", root.GetProperty("targetAccounts")[0].GetProperty("debit").GetRawText());
        Assert.Equal("bxl-2024", root.GetProperty("mapping").GetProperty("id").GetString());
    }

    private static ReconciliationCheck Check(ReconciliationReport report, string name) => report.Checks.Single(c => c.Name == name);
}
