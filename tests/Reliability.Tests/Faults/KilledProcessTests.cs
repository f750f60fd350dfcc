using Bascule.Load.Providers.Postgres;
using Bascule.Load.Providers.Sqlite;
using Bascule.Load.Providers;
using Bascule.Load.Runs;
using Bascule.TestSupport;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Bascule.Reliability.Tests.Faults;

/// <summary>
/// The real <c>bascule migrate</c> killed with SIGKILL, on PostgreSQL and on SQLite: between batches (rows of the
/// loading run already in the staging database) and at publish time (the publish held up by a lock the test owns).
/// The published run stays as it was; running migrate again abandons the killed run and publishes one complete run
/// identical to a clean reference run.
/// </summary>
[DapperAot(false)]
public sealed class KilledProcessTests(PostgresServer server, ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Theory]
    [InlineData("postgres", "between batches")]
    [InlineData("postgres", "at publish")]
    [InlineData("sqlite", "between batches")]
    [InlineData("sqlite", "at publish")]
    public async Task Migrate_killed_with_SIGKILL_leaves_the_published_run_and_a_re_run_publishes_one_complete_run(
        string providerName,
        string point)
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var phases = new List<string>();
        void Phase(string name) => phases.Add($"{name} {clock.Elapsed.TotalSeconds:0.0} s");
        var connection = providerName == "postgres"
            ? await server.CreateDatabaseAsync()
            : _temp.Combine("staging.db");
        await using IStagingProvider provider = providerName == "postgres"
            ? new PostgresStagingProvider(connection)
            : new SqliteStagingProvider(SqliteStagingProvider.ConnectionStringFor(connection, _temp.Path));
        // Long enough to be caught between batches: a couple of hundred batches of 50 rows.
        var entity = TestEntity.Generate(
            _temp,
            providerName == "postgres" ? "21011" : "21012",
            lines: point == "between batches" ? 8_000 : 3_000,
            seed: 11);
        var reference = await Migrations.ReferenceAsync(entity, _temp);
        await Migrations.RunAsync(provider, entity, _temp, cancellationToken: ct);
        var before = await PublishedState.ReadAsync(provider, entity);
        Invariant.OneCompleteRun(before, reference);
        Phase("prepared");

        string[] migrate = ["migrate", "--export", entity.Folder, "--mapping", TestEntity
            .Mapping, "--provider", providerName, "--connection", connection];
        string where;
        using (var child = CliProcess.Start(_temp.Path, [.. migrate, "--out", _temp.Combine("killed-report"), "--batch-size", "50"]))
        {
            where = point == "between batches"
                ? await KillBetweenBatchesAsync(child, provider, ct)
                : providerName == "postgres"
                    ? await KillWhilePublishWaitsOnPostgresAsync(child, connection, before.RunId!, ct)
                    : await KillAtPublishOnSqliteAsync(child, connection, ct);
            Assert.NotEqual(0, await child.WaitForExitAsync(ct));
        }

        Phase("killed");
        Tally.FaultInjected();
        var afterKill = await PublishedState.ReadAsync(provider, entity);
        Invariant.Unchanged(before, afterKill);
        var killed = Assert.Single(afterKill.Runs, r => r.Status == RunStatus.Loading);
        Tally.RunUnchanged();

        var (code, rerunOutput) = await CliProcess.RunAsync(_temp.Path, [.. migrate, "--out", _temp.Combine("rerun-report")], ct);
        Assert.True(code == 0, $"migrate after the kill exited with {code}:\n{rerunOutput}");
        Phase("re-run");
        var final = await PublishedState.ReadAsync(provider, entity);
        Invariant.OneCompleteRun(final, reference);
        var abandoned = final.Run(killed.Id);
        Assert.Equal(RunStatus.Failed, abandoned.Status);
        Assert.StartsWith("Abandoned", abandoned.FailureMessage, StringComparison.Ordinal);
        Assert.Equal(0, (await PublishedState.RowsOfRunAsync(provider, killed.Id.Value)).Sum());
        Assert.Equal(RunStatus.Superseded, final.Runs.Single(r => r.Id.Value == before.RunId).Status);
        Tally.RunRecovered();
        output.WriteLine(
            $"SIGKILL {providerName} {point}: killed {where}; published run {before.RunId} unchanged, killed run {killed.Id} invisible; " +
            $"re-run published {final.RunId} (fingerprint equals the clean reference, {final.Rows.Sum()} rows), killed run abandoned with "
                + $"0 rows left ({string.Join(", ", phases)})");
    }

    public void Dispose() => _temp.Dispose();

    // Rows of the loading run are committed in the staging database: the process is between (or inside) batches.
    private static async Task<string> KillBetweenBatchesAsync(CliProcess child, IStagingProvider provider, CancellationToken ct)
    {
        while (true)
        {
            await using (var connection = await provider.OpenAsync(ct))
            {
                var rows = await connection.ExecuteScalarAsync<long>(
                    "SELECT COUNT(*) FROM staged_lines s JOIN runs r ON r.run_id = s.run_id WHERE r.status = 'loading'");
                if (rows > 0)
                {
                    await child.KillAsync(ct);
                    return $"with {rows} staged rows of the loading run committed";
                }
            }

            Assert.False(
                child.Wrote("fingerprint:") || child.HasExited,
                "the load ended before rows of the run were seen; use a larger export:\n" + child.Output);
            await Task.Delay(10, ct);
        }
    }

    // The publish supersedes the published run first; the test holds that row, sees the child's backend wait for it, kills the child.
    private static async Task<string> KillWhilePublishWaitsOnPostgresAsync(
        CliProcess child,
        string connection,
        string publishedRun,
        CancellationToken ct)
    {
        int pid;
        await using (await PostgresFaults.HoldAsync(
            connection,
            "SELECT 1 FROM runs WHERE run_id = @run FOR UPDATE",
            new { run = publishedRun }))
        {
            pid = await PostgresFaults.WaitForLockWaiterAsync(connection, "SET status = 'superseded'", ct);
            await child.KillAsync(ct);
        }

        // The orphaned backend finishes its statement once the lock is released, finds its client gone and rolls back.
        await using var admin = new Npgsql.NpgsqlConnection(connection);
        await admin.OpenAsync(ct);
        while (await admin.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM pg_stat_activity WHERE pid = @pid", new { pid }) > 0)
        {
            await Task.Delay(10, ct);
        }

        return $"while its publish (backend {pid}) waited for a row lock";
    }

    // SQLite shows no waiting statement: the test takes the write lock once the run is fingerprinted (no write until the
    // publish), waits for the reconciliation to finish (the publish comes next and must wait for the lock), then kills.
    private static async Task<string> KillAtPublishOnSqliteAsync(CliProcess child, string file, CancellationToken ct)
    {
        Assert.True(await child.WaitForLineAsync("fingerprint:", ct), "the run should reach its fingerprint:\n" + child.Output);
        await using var holder = new SqliteConnection(
            new SqliteConnectionStringBuilder { DataSource = file, Pooling = false, DefaultTimeout = 60 }.ConnectionString);
        await holder.OpenAsync(ct);
        await holder.ExecuteAsync("BEGIN IMMEDIATE");
        Assert.True(await child.WaitForLineAsync("reconcile:", ct), "the run should reach its reconciliation:\n" + child.Output);
        await Task.Delay(300, ct);
        await child.KillAsync(ct);
        await holder.ExecuteAsync("ROLLBACK");
        return "after its reconciliation, with the write lock its publish needs held by the test";
    }
}
