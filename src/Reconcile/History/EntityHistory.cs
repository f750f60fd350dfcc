using Bascule.Load.Runs;
using Bascule.Reconcile.Model;

namespace Bascule.Reconcile.History;

/// <summary>
/// One entity's years side by side: per fiscal year the published run (status, key totals, mapping version and
/// approval), the held runs, and check 10 for each pair of consecutive years from the first year to the last (a year
/// without a published run leaves the pairs around it unchecked, and says so).
/// </summary>
public sealed record EntityHistory(
    string Entity,
    string EntityType,
    string InsCode,
    IReadOnlyList<HistoryYear> Years,
    IReadOnlyList<ContinuityPair> Pairs,
    DateTime ComputedUtc)
{
    /// <summary>FAILED when a pair of years does not continue, else OK; an unchecked pair is not a fault.</summary>
    public Verdict ContinuityStatus => Pairs.Select(p => p.Status ?? Verdict.Ok).Worst();

    /// <summary>The pair that ends with <paramref name="year"/>, if the history has one.</summary>
    public ContinuityPair? PairEndingIn(int year) => Pairs.SingleOrDefault(p => p.LaterYear == year);
}

/// <summary>
/// One fiscal year of the history: its published run (null when none is, or when the year is a gap between migrated
/// years), its held runs, and how many other runs (superseded, failed, loading) it has had.
/// </summary>
public sealed record HistoryYear(int Year, HistoryRun? Published, IReadOnlyList<HistoryRun> Held, int OtherRuns);

/// <summary>A run of the history with its key totals (read back from the staging database; null when its rows were pruned).</summary>
public sealed record HistoryRun(RunInfo Run, HistoryTotals? Totals);

/// <summary>What a run staged and left out: the staged lines' debit and credit, the unmapped euros and lines, the rejected lines.</summary>
public sealed record HistoryTotals(DebitCredit Staged, DebitCredit Unmapped, long UnmappedLines, long RejectedLines);
