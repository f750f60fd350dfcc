using System.Data.Common;
using Bascule.Load;
using Bascule.Load.Runs;
using Bascule.Reconcile;
using Bascule.Reconcile.DrillDown;
using Bascule.Reconcile.Reports;
using Microsoft.Extensions.Logging;

namespace Bascule.Jobs.Workspace.Runs;

/// <summary>
/// Once <c>serve</c> has started, computes in the background what the first reader of a run would otherwise wait for:
/// the reconciliation of its page (which also names the unbalanced documents a check's list shows) and the masker of its
/// third parties (seconds on a large run). Only the <see cref="Warmed"/> most recently finished published or held runs,
/// the ones people open first, one after the other: it costs one run's work at a time. A fault is logged and left to
/// the first request.
/// </summary>
public static partial class RunPagesWarmer
{
    public const int Warmed = 2;

    public static async Task WarmAsync(WorkspaceSources sources, ILogger log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sources);
        try
        {
            var runs = (await RunList.ReadAsync(sources.Staging, cancellationToken))
                .Where(r => r.Status is RunStatus.Published or RunStatus.Held && r.Pruned is null)
                .OrderByDescending(r => r.FinishedUtc)
                .Take(Warmed)
                .ToList();
            foreach (var run in runs)
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                await sources.Reconciliations.OfAsync(run, cancellationToken);
                // The masker is the run's, whatever the reader's right: the masked options build it.
                await RunLines.OpenAsync(sources.Staging, run.Id, sources.MappingsRoot, new ReportOptions(), cancellationToken);
                Warm(log, run.Id, clock.Elapsed);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // serve is stopping.
        }
        catch (Exception ex) when (ex is DbException or StagingException or ReconcileException or InvalidOperationException)
        {
            NotWarm(log, sources.Staging.Scrub(ex.Message));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {Run} ready for its readers (reconciliation and masker) in {Took}")]
    private static partial void Warm(ILogger log, RunId run, TimeSpan took);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Runs not prepared for their readers, the first request will: {Message}")]
    private static partial void NotWarm(ILogger log, string message);
}
