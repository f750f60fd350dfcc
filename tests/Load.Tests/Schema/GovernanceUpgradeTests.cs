using Bascule.Load.Runs;
using Bascule.Load.Tests.Staging;
using Bascule.TestSupport.Staging;
using Dapper;

namespace Bascule.Load.Tests.Schema;

/// <summary>
/// V007 (governance: approval, tolerances, reconciliation status, retention on the runs table). A database with every
/// earlier script, holding a published run written as the code before it wrote runs, is upgraded in place: the run is
/// listed with no approval, no status and not pruned; a new run is published over it (an unknown status is never
/// "better") and records its own status.
/// </summary>
public abstract class GovernanceUpgradeTests<TDatabase>(TDatabase database) : UpgradeSuite<TDatabase>(database)
    where TDatabase : StagingDatabase
{
    [Fact]
    public async Task A_run_from_before_V007_is_listed_without_governance_and_a_new_run_publishes_over_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var provider = await CreateProviderAsync();
        const string old = "01936f8e-8c2a-7c41-9d2e-5b1f3a7c9e10";
        await CreateOldSchemaAsync(provider, s => s.Version < 7, (connection, transaction, token) => connection
            .ExecuteAsync(new CommandDefinition(
                """
            INSERT INTO runs (run_id, entity_name, entity_type, ins_code, fiscal_year, status, mapping_id, mapping_version, mapping_sha256,
                              started_utc, finished_utc, started_by, tool_version, fingerprint)
            VALUES (@run, 'Commune d''Ixelles', 'COMMUNE', '21009', 2023, 'published', 'bxl-2024', '1.0.0', @sha, @at, @at, 'before',
            '0.1.0', @sha)
            """,
                new { run = old, sha = new string('a', 64), at = DateTime.UtcNow.AddDays(-30) },
                transaction,
                cancellationToken: token)));

        await provider.EnsureSchemaAsync(ct);

        var listed = Assert.Single(await RunList.ReadAsync(provider, ct));
        Assert.Equal((old, RunStatus.Published), (listed.Id.Value, listed.Status));
        Assert.Null(listed.Approval);
        Assert.Null(listed.ReconciliationStatus);
        Assert.Null(listed.Pruned);

        var run = await new TestExport().LoadAsync(provider, new StagingOptions { BatchSize = 50 });
        var outcome = await run.PublishUnlessWorseAsync(await run.FingerprintAsync(ct), ReconciliationRank.Warning, ct);

        Assert.True(outcome.Published);
        var runs = await RunList.ReadAsync(provider, ct);
        Assert.Equal(
            (RunStatus.Published, "WARNING"),
            runs.Where(r => r.Id == run.Id).Select(r => (r.Status, r.ReconciliationStatus)).Single());
        Assert.Equal(RunStatus.Superseded, runs.Single(r => r.Id.Value == old).Status);
    }
}

public sealed class SqliteGovernanceUpgradeTests(SqliteDatabase database) : GovernanceUpgradeTests<SqliteDatabase>(database);

public sealed class PostgresGovernanceUpgradeTests(PostgresDatabase database) : GovernanceUpgradeTests<PostgresDatabase>(database);

public sealed class SqlServerGovernanceUpgradeTests(SqlServerDatabase database) : GovernanceUpgradeTests<SqlServerDatabase>(database);
