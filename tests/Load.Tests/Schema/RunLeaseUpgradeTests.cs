using System.Data.Common;
using Bascule.Load.Runs;
using Bascule.Load.Schema;
using Bascule.Load.Tests.Staging;
using Bascule.TestSupport.Staging;
using Dapper;

namespace Bascule.Load.Tests.Schema;

/// <summary>
/// V006, the run lease: a staging database made by V001 to V005, holding runs as the V005 code wrote them (published,
/// failed, and two runs of one entity-year left loading at once, which that code allowed), is upgraded in place by the
/// ordinary schema check. The earlier of the two loading runs becomes failed, the later one stays for the next run to
/// judge; the published run stays published and readable through the views; at most one run of an entity-year can be
/// loading from then on; and the next run cleans up the loading run that kept no lease and publishes.
/// </summary>
public abstract class RunLeaseUpgradeTests<TDatabase>(TDatabase database) : UpgradeSuite<TDatabase>(database)
    where TDatabase : StagingDatabase
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_database_made_by_V001_to_V005_holding_runs_is_upgraded_by_V006_and_keeps_working()
    {
        await using var provider = await CreateProviderAsync();
        var published = RunId.New();
        var failed = RunId.New();
        var earlierLoading = RunId.New();
        var laterLoading = RunId.New();
        await CreateOldSchemaAsync(provider, s => s.Version < 6, async (connection, transaction, _) =>
        {
            foreach (var (run, status, minutes) in new[] {
                (published, "published", 600),
                (failed, "failed", 300),
                (earlierLoading, "loading", 20),
                (laterLoading, "loading", 10) })
            {
                await InsertV005RunAsync(connection, transaction, run, status, DateTime.UtcNow.AddMinutes(-minutes));
            }
        });

        await provider.EnsureSchemaAsync(Ct);

        var runs = (await RunList.ReadAsync(provider, Ct)).ToDictionary(r => r.Id);
        Assert.Equal(RunStatus.Published, runs[published].Status);
        Assert.Equal(RunStatus.Failed, runs[failed].Status);
        Assert.Equal(RunStatus.Failed, runs[earlierLoading].Status);
        Assert.StartsWith("Abandoned: found loading beside a later run", runs[earlierLoading].FailureMessage, StringComparison.Ordinal);
        Assert.NotNull(runs[earlierLoading].FinishedUtc);
        Assert.Equal(RunStatus.Loading, runs[laterLoading].Status);
        await using (var connection = await provider.OpenAsync(Ct))
        {
            Assert.Equal(SchemaScripts.For(Folder).Select(s => s.Version), (await connection.QueryAsync<int>(
                new CommandDefinition("SELECT version FROM schema_version", cancellationToken: Ct))).Order());
            Assert.Equal(
                [published.Value],
                await connection.QueryAsync<string>(new CommandDefinition("SELECT run_id FROM published_runs", cancellationToken: Ct)));
            Assert.Null(await connection.ExecuteScalarAsync<string>(new CommandDefinition(
                "SELECT lease_host FROM runs WHERE run_id = @run",
                new { run = laterLoading.Value },
                cancellationToken: Ct)));
            // The unique index: a second loading run of the entity-year is refused by the database itself.
            await Assert.ThrowsAnyAsync<DbException>(() => connection.ExecuteAsync(new CommandDefinition(
                "UPDATE runs SET status = 'loading' WHERE run_id = @run", new { run = failed.Value }, cancellationToken: Ct)));
        }

        var export = new TestExport();
        var next = await export.LoadAsync(provider);
        await next.CompleteAsync(Ct);

        Assert.Equal([laterLoading], next.Abandoned);
        runs = (await RunList.ReadAsync(provider, Ct)).ToDictionary(r => r.Id);
        Assert.StartsWith(
            "Abandoned: the run stopped while loading and kept no lease",
            runs[laterLoading].FailureMessage,
            StringComparison.Ordinal);
        Assert.Equal(RunStatus.Superseded, runs[published].Status);
        Assert.Equal(RunStatus.Published, runs[next.Id].Status);
        Assert.Equal(export.Staged.Count, await StagedCounts.VisibleStagedAsync(provider, "21009"));
    }

    // A run as the V005 code wrote it: no lease columns yet.
    private static Task<int> InsertV005RunAsync(
        DbConnection connection,
        DbTransaction transaction,
        RunId run,
        string status,
        DateTime started) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO runs (run_id, entity_name, entity_type, ins_code, fiscal_year, status, mapping_id, mapping_version, mapping_sha256,
                              started_utc, finished_utc, started_by, tool_version, fingerprint, failure_message)
            VALUES (@run, 'Commune d''Ixelles', 'COMMUNE', '21009', 2023, @status, 'bxl-2024', '1.0.0', @sha, @started, @finished, 'tester',
            '0.1.0', @fingerprint, @message)
            """,
            new
            {
                run = run.Value,
                status,
                sha = new string('a', 64),
                started,
                finished = status == "loading" ? (DateTime?)null : started.AddMinutes(1),
                fingerprint = status == "published" ? new string('f', 64) : null,
                message = status == "failed" ? "Writing batch 3 failed." : null,
            },
            transaction,
            cancellationToken: Ct));
}

public sealed class SqliteRunLeaseUpgradeTests(SqliteDatabase database) : RunLeaseUpgradeTests<SqliteDatabase>(database);

public sealed class PostgresRunLeaseUpgradeTests(PostgresDatabase database) : RunLeaseUpgradeTests<PostgresDatabase>(database);

public sealed class SqlServerRunLeaseUpgradeTests(SqlServerDatabase database) : RunLeaseUpgradeTests<SqlServerDatabase>(database);
