using Bascule.Load.Providers;
using Bascule.Load.Runs;
using Bascule.Load.Runs.SignOffs;
using Bascule.Reconcile;
using Bascule.Reconcile.DrillDown;
using Bascule.Reconcile.Model;

namespace Bascule.Jobs.Workspace.Runs;

/// <summary>
/// The reconciliation of a run as its page shows it, computed from the staging database (as <c>bascule report --run</c>
/// does without an export) once per run and kept: a run's lines never change once it is loaded, and a million-line run
/// takes seconds to reconcile. Its sign-offs, which do change, are read again for every page. The last
/// <see cref="Kept"/> runs looked at are kept; a run still loading is computed each time and never kept.
/// </summary>
public sealed class RunReconciliations(IStagingProvider staging)
{
    public const int Kept = 16;

    private readonly RunCache<Lazy<Task<ReconciliationResult>>> _results = new(Kept);

    public async Task<ReconciliationResult> OfAsync(RunInfo run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Status == RunStatus.Loading)
        {
            return await Reconciler.ComputeAsync(staging, run.Id, exportFolder: null, cancellationToken);
        }

        var entry = _results.GetOrAdd(run.Id, id =>
        {
            // Not the request's token: the result is shared by every later request of the run.
            return new Lazy<Task<ReconciliationResult>>(async () =>
            {
                var computed = await Reconciler.ComputeAsync(staging, id, exportFolder: null, CancellationToken.None);
                // The balance check's drill-down names these documents from its first page on.
                RunLines.RememberUnbalanced(id, computed.UnbalancedDocuments.Select(d => (d.FiscalYear, d.Journal, d.Document)));
                return computed;
            });
        });
        ReconciliationResult result;
        try
        {
            result = await entry.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (entry.Value.IsFaulted)
        {
            // A database away for a moment must not leave the run's page broken until serve restarts.
            _results.TryRemove(run.Id, entry);
            throw;
        }

        return result with
        {
            Run = result.Run with { RunStatus = run.Status },
            SignOffs = await SignOffStore.ListAsync(staging, run.Id, cancellationToken),
        };
    }
}
