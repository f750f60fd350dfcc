using System.Collections.Concurrent;
using Bascule.Load.Providers;
using Dapper;

namespace Bascule.Load.Runs.Leases;

/// <summary>
/// The lease a loading run holds on its entity and year, kept alive by a heartbeat on a timer of its own (every
/// <see cref="StagingOptions.HeartbeatInterval"/>, whatever the batches do). When a heartbeat finds the run no longer
/// loading while the run has not ended itself, another run found the lease expired and cleaned it up: the lease is
/// lost, and <see cref="Lost"/> is cancelled so that the run stops. A heartbeat that fails (database unreachable) is
/// tried again at the next tick: the lease outlives a few of them.
/// </summary>
public sealed class RunLease : IAsyncDisposable
{
    // The runs this process is running: one of its own runs that is not here was left behind (see LoadingRun.Judge).
    private static readonly ConcurrentDictionary<RunId, RunLease> Running = new();

    private readonly IStagingProvider _provider;
    private readonly RunId _run;
    private readonly StagingOptions _options;
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _lost = new();
    private readonly Task _heartbeats;
    private volatile bool _ending;
    private int _released;

    private RunLease(IStagingProvider provider, RunId run, StagingOptions options)
    {
        _provider = provider;
        _run = run;
        _options = options;
        Running[run] = this;
        _heartbeats = Task.Run(BeatAsync);
    }

    /// <summary>Cancelled when another run took the lease over (see <see cref="LostMessage"/>).</summary>
    public CancellationToken Lost => _lost.Token;

    /// <summary>Why the lease was lost, or null.</summary>
    public string? LostMessage { get; private set; }

    /// <summary>Whether this process is running that run (its lease is held here and not released).</summary>
    public static bool IsRunningHere(RunId run) => Running.ContainsKey(run);

    /// <summary>Starts the heartbeat of a run just recorded as loading with this process's lease.</summary>
    public static RunLease Hold(IStagingProvider provider, RunId run, StagingOptions options) => new(provider, run, options);

    /// <summary>
    /// The run is about to end (publish, hold or fail): heartbeats go on, so that a publish waiting for a lock keeps its
    /// lease, but a run found no longer loading is no longer a lost lease.
    /// </summary>
    public void Ending() => _ending = true;

    /// <summary>Stops the heartbeat (once; later calls wait for it too); the lease then expires unless the run has ended.</summary>
    public async ValueTask DisposeAsync()
    {
        _ending = true;
        Running.TryRemove(_run, out _);
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            await _stop.CancelAsync();
        }

        await _heartbeats;
    }

    private async Task BeatAsync()
    {
        using var timer = new PeriodicTimer(_options.HeartbeatInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                if (!await TryRenewAsync())
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    // False once the lease is lost: there is nothing left to renew.
    private async Task<bool> TryRenewAsync()
    {
        int renewed;
        try
        {
            await using var connection = await _provider.OpenAsync(_stop.Token);
            var now = DateTime.UtcNow;
            renewed = await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE runs SET heartbeat_utc = @now, lease_expires_utc = @expires WHERE run_id = @run AND status = 'loading'",
                new { run = _run.Value, now, expires = now + _options.LeaseDuration },
                cancellationToken: _stop.Token));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !_stop.IsCancellationRequested)
        {
            // Unreachable for now: the batches meet the same fault and retry or fail the run; the lease lasts meanwhile.
            return true;
        }

        if (renewed == 0 && !_ending)
        {
            LostMessage = $"Run {_run} lost its lease on its entity and year: it was no longer loading when its heartbeat came " +
                $"(another run found its lease expired, no heartbeat within {_options.LeaseDuration.TotalSeconds:0} s, e.g. while this "
                    + $"process was " +
                "suspended or the database unreachable, and cleaned it up). Nothing of this run was published.";
            await _lost.CancelAsync();
            return false;
        }

        return true;
    }
}
