using Bascule.Extract.Values;
using Bascule.Load.Runs;
using Bascule.Reconcile.Diff;
using Bascule.Reconcile.Tests.Support;
using Bascule.TestSupport.Staging;

namespace Bascule.Reconcile.Tests.Diff;

/// <summary>Two runs of one entity-year compared per target account, once per staging engine.</summary>
public abstract class RunComparisonTests<TDatabase>(TDatabase database) : StagingSuite<TDatabase>(database)
    where TDatabase : StagingDatabase
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_runs_of_the_same_export_and_mapping_change_nothing()
    {
        var provider = await NewProviderAsync();
        var a = await SampleRun.LoadAsync(provider, SampleRun.SampleFolder(SampleRun.Commune), Ct);
        var b = await SampleRun.LoadAsync(provider, SampleRun.SampleFolder(SampleRun.Commune), Ct);

        var diff = await RunComparison.ComputeAsync(provider, a, b, Ct);

        Assert.Empty(diff.Changed);
        Assert.False(diff.MappingChanged);
        Assert.Empty(diff.ChangedFiles);
        Assert.Equal(("superseded", "published"), (diff.A.RunStatus.ToCode(), diff.B.RunStatus.ToCode()));
        Assert.NotEmpty(diff.Accounts);
    }

    [Fact]
    public async Task A_changed_amount_shows_per_target_account_with_the_mapping_and_files_that_differ()
    {
        var provider = await NewProviderAsync();
        var a = await SampleRun.LoadAsync(provider, SampleRun.SampleFolder(SampleRun.Commune), Ct);
        var b = await SampleRun.LoadAsync(provider, SampleRun.SampleFolder(SampleRun.Commune), Ct);
        var target = await StagingDatabase.ScalarAsync<string>(
            provider,
            "SELECT MIN(target_account) FROM staged_lines WHERE run_id = @b AND debit > 0",
            new { b });
        var record = await StagingDatabase.ScalarAsync<long>(
            provider,
            "SELECT MIN(record) FROM staged_lines WHERE run_id = @b AND target_account = @target AND debit > 0",
            new { b, target });
        await StagingDatabase.ExecuteAsync(
            provider, "UPDATE staged_lines SET debit = debit + @amount WHERE run_id = @b AND record = @record AND target_account = @target",
            new { b, record, target, amount = provider.ToParameter(Amount.FromEuros(12.34m)) });
        await StagingDatabase.ExecuteAsync(
            provider,
            "UPDATE runs SET mapping_version = '1.1.0', mapping_sha256 = @sha WHERE run_id = @b",
            new { b, sha = new string('b', 64) });
        await StagingDatabase.ExecuteAsync(
            provider,
            "UPDATE run_files SET sha256 = @sha WHERE run_id = @b AND source_file = 'ECRITURES.csv'",
            new { b, sha = new string('e', 64) });

        var diff = await RunComparison.ComputeAsync(provider, a, b, Ct);

        var change = Assert.Single(diff.Changed);
        Assert.Equal((target, 12.34m, 0m, 12.34m), (change.Account, change.DebitChange, change.CreditChange, change.NetChange));
        Assert.True(diff.MappingChanged);
        Assert.Equal(("1.0.0", "1.1.0"), (diff.A.Mapping.Version, diff.B.Mapping.Version));
        Assert.Equal("ECRITURES.csv", Assert.Single(diff.ChangedFiles).Name);
    }

    [Fact]
    public async Task Runs_of_different_entities_are_not_compared()
    {
        var provider = await NewProviderAsync();
        var commune = await SampleRun.LoadAsync(provider, SampleRun.SampleFolder(SampleRun.Commune), Ct);
        var cpas = await SampleRun.LoadAsync(provider, SampleRun.SampleFolder(SampleRun.Cpas), Ct);

        var error = await Assert.ThrowsAsync<ReconcileException>(() => RunComparison.ComputeAsync(provider, commune, cpas, Ct));

        Assert.Contains("same entity and fiscal year", error.Message, StringComparison.Ordinal);
    }
}

public sealed class SqliteRunComparisonTests(SqliteDatabase database) : RunComparisonTests<SqliteDatabase>(database);

public sealed class PostgresRunComparisonTests(PostgresDatabase database) : RunComparisonTests<PostgresDatabase>(database);

public sealed class SqlServerRunComparisonTests(SqlServerDatabase database) : RunComparisonTests<SqlServerDatabase>(database);
