using Bascule.Load.Runs;
using Bascule.Reconcile.Model;
using Bascule.Reconcile.Reports.Json;

namespace Bascule.Reconcile.History;

/// <summary><c>history.json</c>: the entity, every year with its published and held runs, and check 10 per pair of years.</summary>
public sealed record HistoryDocument(
    string Entity,
    string EntityType,
    string InsCode,
    DateTime ComputedUtc,
    string ContinuityStatus,
    IReadOnlyList<HistoryYearDocument> Years,
    IReadOnlyList<ContinuityDocument> Continuity)
{
    public static HistoryDocument From(EntityHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return new(
            history.Entity,
            history.EntityType,
            history.InsCode,
            history.ComputedUtc,
            history.ContinuityStatus.ToCode(),
            history.Years.Select(y => new HistoryYearDocument(
                y.Year,
                HistoryRunDocument.From(y.Published),
                y.Held.Select(h => HistoryRunDocument.From(h)!).ToList(),
                y.OtherRuns)).ToList(),
            ContinuityDocument.From(history.Pairs));
    }
}

/// <summary>A year: its published run (null: none), its held runs, and how many other runs it has had.</summary>
public sealed record HistoryYearDocument(
    int FiscalYear,
    HistoryRunDocument? Published,
    IReadOnlyList<HistoryRunDocument> Held,
    int OtherRuns);

/// <summary>A run of the history: its state, mapping and key totals (null once its rows were pruned).</summary>
public sealed record HistoryRunDocument(
    string RunId, string Status, string? ReconciliationStatus, DateTime StartedUtc, string? Fingerprint, MappingDocument Mapping,
    HistoryTotalsDocument? Totals)
{
    public static HistoryRunDocument? From(HistoryRun? run)
    {
        if (run is null)
        {
            return null;
        }

        var r = run.Run;
        return new(r.Id.Value, r.Status.ToCode(), r.ReconciliationStatus, r.StartedUtc, r.Fingerprint,
            MappingDocument.From(r.Mapping, r.Approval), HistoryTotalsDocument.From(run.Totals));
    }
}

/// <summary>A run's key totals: the staged lines' debit and credit, the unmapped euros and lines, the rejected lines.</summary>
public sealed record HistoryTotalsDocument(
    decimal StagedDebit, decimal StagedCredit, decimal UnmappedDebit, decimal UnmappedCredit, long UnmappedLines, long RejectedLines)
{
    public static HistoryTotalsDocument? From(HistoryTotals? totals) =>
        totals is null
            ? null
            : new(
                totals.Staged.Debit,
                totals.Staged.Credit,
                totals.Unmapped.Debit,
                totals.Unmapped.Credit,
                totals.UnmappedLines,
                totals.RejectedLines);
}
