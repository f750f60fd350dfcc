using Bascule.Load.Providers;
using Bascule.Load.Runs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bascule.Jobs.Hosting;

/// <summary>
/// Builds the drill-down indexes of published and held runs in the background of <c>serve</c> (<see cref="DrillIndexes"/>):
/// at start (runs published before, or by a migrate command that did not build them, or builds a stop interrupted), after
/// each migration job (<see cref="Nudge"/>), and every <see cref="Interval"/>. Never during a load of the job itself: the job
/// nudges once its run is published or held. A stop cancels the build under way: the index is then absent (SQLite, SQL
/// Server) or left incomplete and dropped by the next sync (PostgreSQL). Faults are logged and tried again later: the
/// drill-down works without the indexes, slower.
/// </summary>
public sealed partial class DrillIndexBuilder(IStagingProvider staging, ILogger<DrillIndexBuilder> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _nudged = new(0, 1);

    /// <summary>Asks for a sync soon (a run was just published or held).</summary>
    public void Nudge()
    {
        try
        {
            _nudged.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already asked: one sync covers both.
        }
    }

    public override void Dispose()
    {
        _nudged.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var sync = await DrillIndexes.SyncAsync(staging, only: null, build: true, built: name => Built(log, name), stoppingToken);
                if (sync.Dropped > 0)
                {
                    Dropped(log, sync.Dropped);
                }

                await _nudged.WaitAsync(Interval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
            {
                NotBuilt(log, staging.Scrub(ex.Message));
                await _nudged.WaitAsync(Interval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Drill-down index {Index} built")]
    private static partial void Built(ILogger log, string index);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Drill-down indexes dropped (runs no longer published or held, or builds interrupted): {Dropped}")]
    private static partial void Dropped(ILogger log, int dropped);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Drill-down indexes not built now, tried again within a minute: {Message}")]
    private static partial void NotBuilt(ILogger log, string message);
}
