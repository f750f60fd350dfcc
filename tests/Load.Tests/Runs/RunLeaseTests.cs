using System.Diagnostics;
using Bascule.Load.Providers;
using Bascule.Load.Runs;
using Bascule.Load.Runs.Leases;
using Bascule.Load.Tests.Staging;
using Bascule.TestSupport.Staging;
using Dapper;

namespace Bascule.Load.Tests.Runs;

/// <summary>
/// The lease a loading run holds on its entity and year (V006), on real databases: a second run stops before writing
/// anything, or waits; a live run's heartbeat keeps it past its lease duration; a run is abandoned only when its lease
/// expired or its process is gone from this host (a process id given again is told apart by its start); and a run
/// whose lease was taken over stops and is not published.
/// </summary>
public abstract class RunLeaseTests<TDatabase>(TDatabase database) : StagingSuite<TDatabase>(database)
    where TDatabase : StagingDatabase
{
    // No process has this id: above any system's largest process id.
    private const int NoSuchProcess = 2_000_000_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_second_run_of_the_entity_year_stops_before_writing_anything_while_the_first_holds_its_lease()
    {
        await using var provider = await CreateProviderAsync();
        var export = new TestExport();
        var first = await export.LoadAsync(provider);

        var refused = await Assert.ThrowsAsync<RunInProgressException>(
            () => StagingRun.BeginAsync(provider, export.Header, new StagingOptions(), Ct));

        Assert.Equal(first.Id, refused.Holder?.Id);
        Assert.Contains(first.Id.Value, refused.Message, StringComparison.Ordinal);
        Assert.Contains($"host {Environment.MachineName}, process {Environment.ProcessId}", refused.Message, StringComparison.Ordinal);
        Assert.Contains("--wait", refused.Message, StringComparison.Ordinal);
        Assert.Equal([first.Id], (await RunList.ReadAsync(provider, Ct)).Select(r => r.Id));
        await first.CompleteAsync(Ct);
        Assert.Equal(RunStatus.Published, (await StagedCounts.RunAsync(provider, first.Id)).Status);
    }

    [Fact]
    public async Task A_run_told_to_wait_starts_once_the_holder_is_published_and_then_supersedes_it()
    {
        await using var provider = await CreateProviderAsync();
        var export = new TestExport();
        var first = await export.LoadAsync(provider);
        var waiting = new TaskCompletionSource<LoadingRun>(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = new StagingOptions {
            WaitForLease = Timeout.InfiniteTimeSpan,
            WaitPollInterval = TimeSpan.FromMilliseconds(50),
            Waiting = waiting.SetResult };

        var second = Task.Run(() => export.LoadAsync(provider, options), Ct);
        var holder = await waiting.Task.WaitAsync(Ct);
        Assert.Equal(first.Id, holder.Id);
        Assert.False(second.IsCompleted);
        await first.CompleteAsync(Ct);
        var run = await second;
        await run.CompleteAsync(Ct);

        Assert.Empty(run.Abandoned);
        Assert.Equal(RunStatus.Superseded, (await StagedCounts.RunAsync(provider, first.Id)).Status);
        Assert.Equal(RunStatus.Published, (await StagedCounts.RunAsync(provider, run.Id)).Status);
        Assert.Equal(export.Staged.Count, await StagedCounts.VisibleStagedAsync(provider, "21009"));
    }

    [Fact]
    public async Task Waiting_stops_when_cancelled_and_writes_nothing()
    {
        await using var provider = await CreateProviderAsync();
        var export = new TestExport();
        var first = await export.LoadAsync(provider);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var options = new StagingOptions {
            WaitForLease = Timeout.InfiniteTimeSpan,
            WaitPollInterval = TimeSpan.FromMilliseconds(50),
            Waiting = _ => cancel.Cancel() };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => StagingRun.BeginAsync(provider, export.Header, options, cancel.Token));

        Assert.Equal([first.Id], (await RunList.ReadAsync(provider, Ct)).Select(r => r.Id));
        Assert.Equal(RunStatus.Loading, (await StagedCounts.RunAsync(provider, first.Id)).Status);
        await first.FailAsync("test over");
    }

    [Fact]
    public async Task The_heartbeat_keeps_a_live_run_well_past_its_lease_duration()
    {
        await using var provider = await CreateProviderAsync();
        var export = new TestExport();
        var lease = new StagingOptions { LeaseDuration = TimeSpan.FromSeconds(1) };
        var first = await export.LoadAsync(provider, lease);
        var started = await LeaseAsync(provider, first.Id);

        // Three lease durations without a batch: only the heartbeat, on its own timer, can keep the lease.
        await Task.Delay(TimeSpan.FromSeconds(3), Ct);

        await Assert.ThrowsAsync<RunInProgressException>(() => StagingRun.BeginAsync(provider, export.Header, lease, Ct));
        var renewed = await LeaseAsync(provider, first.Id);
        Assert.True(
            renewed.Expires > started.Expires + TimeSpan.FromSeconds(1.5),
            $"lease until {started.Expires:O} at start, {renewed.Expires:O} now");
        Assert.Equal(RunStatus.Loading, (await StagedCounts.RunAsync(provider, first.Id)).Status);
        await first.CompleteAsync(Ct);
    }

    [Fact]
    public async Task A_run_whose_lease_expired_on_another_host_is_abandoned_and_its_rows_deleted()
    {
        await using var provider = await CreateProviderAsync();
        var export = new TestExport();
        var stale = await LeftLoadingAsync(provider, export);
        await SetLeaseAsync(provider, stale, "another-host", 4242, null, DateTime.UtcNow.AddMinutes(-10), DateTime.UtcNow.AddMinutes(-9));

        var next = await export.LoadAsync(provider);
        await next.CompleteAsync(Ct);

        Assert.Equal([stale], next.Abandoned);
        var abandoned = await StagedCounts.RunAsync(provider, stale);
        Assert.Equal(RunStatus.Failed, abandoned.Status);
        Assert.StartsWith("Abandoned: its lease expired", abandoned.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("host another-host, process 4242", abandoned.FailureMessage, StringComparison.Ordinal);
        Assert.Equal(0, await StagedCounts.RowsOfRunAsync(provider, stale));
        Assert.Equal(export.Staged.Count, await StagedCounts.VisibleStagedAsync(provider, "21009"));
    }

    [Fact]
    public async Task A_run_on_another_host_whose_lease_is_live_is_left_alone()
    {
        await using var provider = await CreateProviderAsync();
        var export = new TestExport();
        var elsewhere = await LeftLoadingAsync(provider, export);
        await SetLeaseAsync(
            provider,
            elsewhere,
            "another-host",
            Environment.ProcessId + 1,
            null,
            DateTime.UtcNow,
            DateTime.UtcNow.AddMinutes(1));

        var refused = await Assert.ThrowsAsync<RunInProgressException>(
            () => StagingRun.BeginAsync(provider, export.Header, new StagingOptions(), Ct));

        Assert.Contains("host another-host", refused.Message, StringComparison.Ordinal);
        Assert.Equal(RunStatus.Loading, (await StagedCounts.RunAsync(provider, elsewhere)).Status);
        Assert.NotEqual(0, await StagedCounts.RowsOfRunAsync(provider, elsewhere));
    }

    [Fact]
    public async Task A_run_of_a_process_gone_from_this_host_is_abandoned_at_once_even_with_a_live_lease()
    {
        await using var provider = await CreateProviderAsync();
        var export = new TestExport();
        var killed = await LeftLoadingAsync(provider, export);
        await SetLeaseAsync(
            provider,
            killed,
            Environment.MachineName,
            NoSuchProcess,
            "linux:1",
            DateTime.UtcNow,
            DateTime.UtcNow.AddMinutes(1));

        var next = await export.LoadAsync(provider);

        Assert.Equal([killed], next.Abandoned);
        var abandoned = await StagedCounts.RunAsync(provider, killed);
        Assert.StartsWith(
            $"Abandoned: its process (host {Environment.MachineName}, process {NoSuchProcess}) is gone",
            abandoned.FailureMessage,
            StringComparison.Ordinal);
        Assert.Equal(0, await StagedCounts.RowsOfRunAsync(provider, killed));
        await next.CompleteAsync(Ct);
    }

    [Fact]
    public async Task A_process_id_given_again_to_another_process_is_told_apart_by_its_start()
    {
        await using var provider = await CreateProviderAsync();
        var export = new TestExport();
        var run = await LeftLoadingAsync(provider, export);
        using var other = Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;
        try
        {
            var (runs, stamp) = ProcessStamp.Of(other.Id);
            Assert.True(runs && stamp is not null, "the sleeping process runs and has a start stamp");

            // Held by that very process: alive.
            await SetLeaseAsync(provider, run, Environment.MachineName, other.Id, stamp, DateTime.UtcNow, DateTime.UtcNow.AddMinutes(1));
            await Assert.ThrowsAsync<RunInProgressException>(
                () => StagingRun.BeginAsync(provider, export.Header, new StagingOptions(), Ct));

            // Held by an earlier process that had the same id: gone.
            await SetLeaseAsync(
                provider,
                run,
                Environment.MachineName,
                other.Id,
                stamp + "0",
                DateTime.UtcNow,
                DateTime.UtcNow.AddMinutes(1));
            var next = await export.LoadAsync(provider);
            Assert.Equal([run], next.Abandoned);
            Assert.Contains("is gone", (await StagedCounts.RunAsync(provider, run)).FailureMessage, StringComparison.Ordinal);
            await next.CompleteAsync(Ct);
        }
        finally
        {
            other.Kill();
        }
    }

    [Fact]
    public async Task A_run_that_lost_its_lease_is_told_so_and_cannot_be_published()
    {
        await using var provider = await CreateProviderAsync();
        var export = new TestExport();
        var options = new StagingOptions { LeaseDuration = TimeSpan.FromMilliseconds(600) };
        var first = await export.LoadAsync(provider, options);
        // As a run whose process looks gone (frozen, say, on a host that recorded another id) is cleaned up by the next.
        await using (var connection = await provider.OpenAsync(Ct))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE runs SET lease_pid = @pid WHERE run_id = @run",
                new { pid = NoSuchProcess, run = first.Id.Value },
                cancellationToken: Ct));
        }

        var second = await export.LoadAsync(provider, options);
        Assert.Equal([first.Id], second.Abandoned);

        // Its next heartbeat finds it no longer loading (within a few, on a busy machine).
        var patience = Stopwatch.StartNew();
        while (!first.LeaseLost.IsCancellationRequested)
        {
            Assert.True(patience.Elapsed < TimeSpan.FromSeconds(30), "the first run's heartbeat should have found its lease lost");
            await Task.Delay(20, Ct);
        }

        Assert.Contains("lost its lease", first.LeaseLostMessage, StringComparison.Ordinal);
        var refused = await Assert.ThrowsAsync<StagingException>(() => first.CompleteAsync(Ct));
        Assert.Contains("no longer loading", refused.Message, StringComparison.Ordinal);
        await second.CompleteAsync(Ct);
        Assert.Equal(RunStatus.Published, (await StagedCounts.RunAsync(provider, second.Id)).Status);
        Assert.Equal(RunStatus.Failed, (await StagedCounts.RunAsync(provider, first.Id)).Status);
    }

    // A run with rows, left loading and no longer run by this process (its heartbeat stopped).
    private static async Task<RunId> LeftLoadingAsync(IStagingProvider provider, TestExport export)
    {
        var run = await export.LoadAsync(provider, new StagingOptions { BatchSize = 40 });
        await run.DisposeAsync();
        Assert.NotEqual(0, await StagedCounts.RowsOfRunAsync(provider, run.Id));
        return run.Id;
    }

    private static async Task SetLeaseAsync(
        IStagingProvider provider,
        RunId run,
        string host,
        int pid,
        string? stamp,
        DateTime heartbeat,
        DateTime expires)
    {
        await using var connection = await provider.OpenAsync(Ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE runs SET lease_host = @host, lease_pid = @pid, lease_process_start = @stamp, heartbeat_utc = @heartbeat, "
                + "lease_expires_utc = @expires WHERE run_id = @run",
            new { run = run.Value, host, pid, stamp, heartbeat, expires },
            cancellationToken: Ct));
    }

    private static async Task<(DateTime Heartbeat, DateTime Expires)> LeaseAsync(IStagingProvider provider, RunId run)
    {
        var loading = Assert.Single(await RunClaim.LoadingRunsAsync(provider, new TestExport().Header, Ct), r => r.Id == run);
        return (loading.HeartbeatUtc!.Value, loading.LeaseExpiresUtc!.Value);
    }
}

public sealed class SqliteRunLeaseTests(SqliteDatabase database) : RunLeaseTests<SqliteDatabase>(database);

public sealed class PostgresRunLeaseTests(PostgresDatabase database) : RunLeaseTests<PostgresDatabase>(database);

public sealed class SqlServerRunLeaseTests(SqlServerDatabase database) : RunLeaseTests<SqlServerDatabase>(database);
