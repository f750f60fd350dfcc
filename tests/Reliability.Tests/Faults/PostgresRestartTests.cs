using Bascule.Pipeline;
using Bascule.Load;
using Bascule.Load.Providers.Postgres;
using Bascule.Load.Runs;
using Bascule.TestSupport;
using Npgsql;

namespace Bascule.Reliability.Tests.Faults;

/// <summary>A PostgreSQL cluster owned by one test class, which may stop and restart it; skipped when there are no local
/// binaries.</summary>
public sealed class OwnedCluster : IAsyncLifetime
{
    private string? _skipReason;

    public PostgresCluster? Cluster { get; private set; }

    public async ValueTask InitializeAsync()
    {
        _skipReason = PostgresCluster.UnavailableReason();
        if (_skipReason is not null)
        {
            return;
        }

        try
        {
            Cluster = await PostgresCluster.CreateAsync();
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
        {
            _skipReason = $"a PostgreSQL cluster this test may stop and restart could not be started ({ex.Message})";
        }
    }

    /// <summary>The running cluster, or the calling test is skipped with the reason.</summary>
    public PostgresCluster Require()
    {
        if (_skipReason is not null)
        {
            Assert.Skip("Needs a PostgreSQL server the test controls: " + _skipReason + ".");
        }

        return Cluster!;
    }

    /// <summary>A new, empty database of the cluster.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var cluster = Require();
        var name = "bascule_r_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(cluster.ConnectionString))
        {
            await connection.OpenAsync();
            // A database name cannot be a parameter; this one is a fixed prefix and hex digits.
#pragma warning disable CA2100
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
#pragma warning restore CA2100
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }
    }
}

/// <summary>
/// The PostgreSQL server stopped (immediate shutdown: every connection cut) in the middle of a run's batches. A short
/// outage is ridden out by the batch retries and the run publishes; an outage longer than the retry budget fails the run
/// with a clear message, leaves the published run as it was, and a re-run once the server is back publishes.
/// </summary>
public sealed class PostgresRestartTests(OwnedCluster owned, ITestOutputHelper output) : IClassFixture<OwnedCluster>, IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task A_server_restart_within_the_retry_budget_is_ridden_out_and_the_run_publishes()
    {
        var cluster = owned.Require();
        var connection = await owned.CreateDatabaseAsync();
        await using var provider = new PostgresStagingProvider(connection);
        var entity = TestEntity.Generate(_temp, "21021", lines: 3_000, seed: 21);
        var reference = await Migrations.ReferenceAsync(entity, _temp);
        var ct = TestContext.Current.CancellationToken;
        await Migrations.RunAsync(provider, entity, _temp, cancellationToken: ct);
        var before = await PublishedState.ReadAsync(provider, entity);

        var outage = TimeSpan.FromSeconds(1);
        Task? restart = null;
        var options = new StagingOptions
        {
            BatchSize = 400,
            // Budget: 0.2 + 0.4 + 0.8 + 1.6 + 3.2 + 6.4 s (with jitter), far more than the outage and the restart.
            MaxRetryAttempts = 6,
            RetryDelay = TimeSpan.FromMilliseconds(200),
            BeforeBatchWrite = async (attempt, _) =>
            {
                if (attempt.Batch == 3 && attempt.Attempt == 1)
                {
                    await cluster.StopAsync();
                    restart = Task.Run(async () =>
                    {
                        await Task.Delay(outage, CancellationToken.None);
                        await cluster.StartAsync();
                    }, CancellationToken.None);
                }
            },
        };

        var result = await Migrations.RunAsync(provider, entity, _temp, options, ct);
        await restart!;
        Tally.FaultInjected();

        Assert.True(result.Retries >= 1, "the stopped server should have made batch 3 retry");
        Assert.Equal(reference.TotalRows, result.RowsWritten);
        var after = await PublishedState.ReadAsync(provider, entity);
        Invariant.OneCompleteRun(after, reference);
        Assert.Equal(result.RunId.Value, after.RunId);
        Assert.Equal(RunStatus.Superseded, after.Runs.Single(r => r.Id.Value == before.RunId).Status);
        Tally.RunRecovered();
        output.WriteLine(
            $"postgres restart: server stopped at batch 3, down {outage.TotalSeconds:0.0} s then restarted; {result.Retries} retries; " +
            $"run {result.RunId} published, fingerprint equals the clean reference, {result.RowsWritten} rows");
    }

    [Fact]
    public async Task An_outage_longer_than_the_retry_budget_fails_the_run_cleanly_and_a_re_run_publishes_once_the_server_is_back()
    {
        var cluster = owned.Require();
        var connection = await owned.CreateDatabaseAsync();
        await using var provider = new PostgresStagingProvider(connection);
        var entity = TestEntity.Generate(_temp, "21022", lines: 3_000, seed: 22);
        var reference = await Migrations.ReferenceAsync(entity, _temp);
        var ct = TestContext.Current.CancellationToken;
        await Migrations.RunAsync(provider, entity, _temp, cancellationToken: ct);
        var before = await PublishedState.ReadAsync(provider, entity);

        var options = new StagingOptions
        {
            BatchSize = 400,
            MaxRetryAttempts = 2,
            RetryDelay = TimeSpan.FromMilliseconds(100),
            BeforeBatchWrite = async (attempt, _) =>
            {
                if (attempt.Batch == 3 && attempt.Attempt == 1)
                {
                    await cluster.StopAsync();
                }
            },
        };

        MigrationFailedException error;
        try
        {
            error = await Assert.ThrowsAsync<MigrationFailedException>(() => Migrations.RunAsync(provider, entity, _temp, options, ct));
        }
        finally
        {
            await cluster.StartAsync();
        }

        Tally.FaultInjected();
        Assert.Contains("batch 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("not published", error.Message, StringComparison.Ordinal);
        var after = await PublishedState.ReadAsync(provider, entity);
        Invariant.Unchanged(before, after);
        // The server was gone, so the run could not even be marked failed: it stays loading, invisible, until the next run.
        var stopped = Assert.Single(after.Runs, r => r.Status is RunStatus.Loading or RunStatus.Failed);
        if (stopped.Status == RunStatus.Loading)
        {
            Assert.Contains("stays 'loading'", error.Message, StringComparison.Ordinal);
        }

        Tally.RunUnchanged();

        var rerun = await Migrations.RunAsync(provider, entity, _temp, cancellationToken: ct);
        var final = await PublishedState.ReadAsync(provider, entity);
        Invariant.OneCompleteRun(final, reference);
        Assert.Equal(rerun.RunId.Value, final.RunId);
        Assert.Equal(RunStatus.Failed, final.Run(stopped.Id).Status);
        Assert.Equal(0, (await PublishedState.RowsOfRunAsync(provider, stopped.Id.Value)).Sum());
        Tally.RunRecovered();
        output.WriteLine(
            $"postgres outage: server stopped at batch 3 and kept down past 2 retries; run {stopped.Id} not published "
                + $"(\"{error.Message}\"); " +
            $"published run {before.RunId} unchanged; server started, re-run {rerun.RunId} published, fingerprint equals the clean "
                + $"reference");
    }

    public void Dispose() => _temp.Dispose();
}
