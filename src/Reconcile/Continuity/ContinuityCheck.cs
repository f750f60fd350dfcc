using Bascule.Extract.Values;
using Bascule.Load.Providers;
using Bascule.Load.Runs;
using Bascule.Reconcile.Checks;
using Bascule.Reconcile.Model;
using Bascule.Reconcile.Staging;

namespace Bascule.Reconcile.Continuity;

/// <summary>
/// Check 10 in a run's reconciliation: the run against the published runs of the year before and the year after, as
/// soon as they exist, whichever was migrated first. A pair whose other year has no published run is left unchecked
/// and says so; a checked pair adds its comparisons to the run's checks (FAILED on any difference but the result's
/// allocation).
/// </summary>
internal static class ContinuityCheck
{
    public static async Task<IReadOnlyList<ContinuityPair>> RunAsync(
        IStagingProvider provider,
        StagingSnapshot snapshot,
        CheckContext context,
        CancellationToken cancellationToken)
    {
        var run = snapshot.Run;
        var self = new PairRun(run.RunId, run.FiscalYear, run.RunStatus, run.Mapping.Version, run.Fingerprint);
        var neighbours = await NeighboursAsync(provider, run, cancellationToken);
        var own = YearBalances.From(snapshot);
        var pairs = new List<ContinuityPair>
        {
            await PairAsync(
                provider,
                neighbours,
                run.FiscalYear.Value - 1,
                other => (other, self),
                own,
                earlierIsOther: true,
                cancellationToken),
            await PairAsync(
                provider,
                neighbours,
                run.FiscalYear.Value + 1,
                other => (self, other),
                own,
                earlierIsOther: false,
                cancellationToken),
        };

        foreach (var pair in pairs.Where(p => p.IsChecked))
        {
            AddChecks(context.Checks, pair);
        }

        return pairs;
    }

    /// <summary>The comparisons a checked pair adds to the checks: per side, how many accounts differ, each of them, and the result's
    /// allocation.</summary>
    public static void AddChecks(List<CheckResult> checks, ContinuityPair pair)
    {
        foreach (var side in new[] { ContinuitySide.Legacy, ContinuitySide.New })
        {
            var name = $"continuity:{pair.Key}:{(side == ContinuitySide.Legacy ? "legacyAccounts" : "newAccounts")}";
            var differing = pair.Differing.Where(r => r.Side == side).ToList();
            var years = $"{pair.EarlierYear} → {pair.LaterYear}";
            var isNew = side == ContinuitySide.New;
            checks.Add(CheckResult.Compare(
                CheckId.Continuity,
                name,
                0,
                differing.Count,
                Verdict.Failed,
                Units.Accounts,
                new(TopicKind.ContinuityDiffering) { Pair = years, NewAccounts = isNew }));
            foreach (var row in differing)
            {
                checks.Add(CheckResult.Compare(
                    CheckId.Continuity,
                    $"{name}:{row.Account}",
                    row.Expected,
                    row.Opening,
                    Verdict.Failed,
                    topic: new(TopicKind.ContinuityAccount) { Pair = years, NewAccounts = isNew, Account = row.Account }));
            }

            if (pair.Allocation(side) is { } allocation)
            {
                var result = side == ContinuitySide.Legacy ? pair.LegacyResult : pair.NewResult;
                checks.Add(CheckResult.Compare(
                    CheckId.Continuity,
                    $"{name}:resultAllocation:{allocation.Account}",
                    result,
                    allocation.Difference,
                    Verdict.Failed,
                    topic: new(TopicKind.ContinuityResultAllocation) { Pair = years, NewAccounts = isNew, Account = allocation.Account }));
            }
        }
    }

    private static async Task<ContinuityPair> PairAsync(
        IStagingProvider provider,
        IReadOnlyList<PairRun> neighbours,
        int year,
        Func<PairRun?, (PairRun? Earlier, PairRun? Later)> order,
        YearBalances own,
        bool earlierIsOther,
        CancellationToken cancellationToken)
    {
        var ofYear = neighbours.Where(n => n.FiscalYear.Value == year).ToList();
        var published = ofYear.FirstOrDefault(n => n.Status == RunStatus.Published);
        var (earlier, later) = order(published);
        if (published is null)
        {
            return new ContinuityPair(earlierIsOther ? year : year - 1, earlier, later, [])
            {
                HeldInMissingYear = ofYear.Select(n => n.RunId.Value).ToList(),
            };
        }

        // The year after is compared by its opening alone.
        var other = await YearBalances.ReadAsync(provider, published.RunId, cancellationToken, openingOnly: !earlierIsOther);
        return earlierIsOther
            ? ContinuityComparison.Compare(earlier!, other, later!, own)
            : ContinuityComparison.Compare(earlier!, own, later!, other);
    }

    private static async Task<IReadOnlyList<PairRun>> NeighboursAsync(
        IStagingProvider provider,
        RunSummary run,
        CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        var db = new StagingReader(connection, run.RunId);
        var rows = await db.RowsAsync<ContinuityQueries.NeighbourRow>(
            ContinuityQueries.Neighbours,
            new { run = run.RunId.Value, insCode = run.InsCode, entityType = run.EntityType, before = run.FiscalYear.Value - 1, after = run
                .FiscalYear
                .Value + 1 },
            cancellationToken);
        return rows.Select(
            r => new PairRun(r.RunId, new FiscalYear(r.FiscalYear), RunStatuses.Parse(r.Status), r.MappingVersion, r.Fingerprint)).ToList();
    }
}
