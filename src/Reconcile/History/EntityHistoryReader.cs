using Bascule.Extract.Values;
using Bascule.Load.Providers;
using Bascule.Load.Runs;
using Bascule.Reconcile.Continuity;
using Bascule.Reconcile.Model;
using Bascule.Reconcile.Staging;

namespace Bascule.Reconcile.History;

/// <summary>
/// Reads an entity's history from the staging database: its runs from the runs table, the published runs' totals and
/// balances from their rows (one scan of each published run), check 10 computed for every pair of consecutive years.
/// </summary>
public static class EntityHistoryReader
{
    private const string Totals =
        """
        SELECT (SELECT SUM(debit) FROM staged_lines WHERE run_id = @run) AS StagedDebit,
               (SELECT SUM(credit) FROM staged_lines WHERE run_id = @run) AS StagedCredit,
               (SELECT SUM(debit) FROM unmapped_lines WHERE run_id = @run) AS UnmappedDebit,
               (SELECT SUM(credit) FROM unmapped_lines WHERE run_id = @run) AS UnmappedCredit,
               (SELECT COUNT(*) FROM unmapped_lines WHERE run_id = @run) AS UnmappedLines,
               (SELECT COUNT(*) FROM rejected_lines WHERE run_id = @run AND part = 1) AS RejectedLines
        """;

    /// <summary>The history of the entity with INS code <paramref name="insCode"/> and type <paramref name="entityType"/> (<c>COMMUNE</c>,
    /// <c>CPAS</c>).</summary>
    public static async Task<EntityHistory> ReadAsync(
        IStagingProvider provider,
        string insCode,
        string entityType,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var runs = (await RunList.ReadAsync(provider, cancellationToken))
            .Where(r => r.InsCode == insCode && string.Equals(r.EntityType, entityType, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (runs.Count == 0)
        {
            throw new ReconcileException(
                $"The staging database {provider.Target} has no run of {entityType.ToUpperInvariant()} {insCode}. List the runs with "
                    + $"`bascule runs` and give an entity's INS code and type, or one of its run ids.");
        }

        return await BuildAsync(provider, runs, cancellationToken);
    }

    /// <summary>The history of the entity of run <paramref name="runId"/>.</summary>
    public static async Task<EntityHistory> ReadForRunAsync(IStagingProvider provider, RunId runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var all = await RunList.ReadAsync(provider, cancellationToken);
        var run = all.FirstOrDefault(r => r.Id == runId) ?? throw new ReconcileException(
            $"Run {runId} is not in the staging database {provider.Target}. List the runs with `bascule runs` (same --provider and "
                + $"--connection) and give one of their ids.");
        return await BuildAsync(
            provider,
            all.Where(r => r.InsCode == run.InsCode && r.EntityType == run.EntityType).ToList(),
            cancellationToken);
    }

    private static async Task<EntityHistory> BuildAsync(IStagingProvider provider, List<RunInfo> runs, CancellationToken cancellationToken)
    {
        var latest = runs.OrderByDescending(r => r.StartedUtc).First();
        var first = runs.Min(r => r.FiscalYear);
        var last = runs.Max(r => r.FiscalYear);
        var years = new List<HistoryYear>();
        var balances = new Dictionary<int, YearBalances>();
        for (var year = first; year <= last; year++)
        {
            var ofYear = runs.Where(r => r.FiscalYear == year).ToList();
            var published = ofYear.FirstOrDefault(r => r.Status == RunStatus.Published);
            var held = new List<HistoryRun>();
            foreach (var run in ofYear.Where(r => r.Status == RunStatus.Held).OrderBy(r => r.StartedUtc))
            {
                held.Add(new HistoryRun(run, await TotalsAsync(provider, run, cancellationToken)));
            }

            HistoryRun? shown = null;
            if (published is not null)
            {
                shown = new HistoryRun(published, await TotalsAsync(provider, published, cancellationToken));
                if (published.Pruned is null)
                {
                    balances[year] = await YearBalances.ReadAsync(provider, published.Id, cancellationToken);
                }
            }

            years.Add(new HistoryYear(year, shown, held, ofYear.Count - held.Count - (published is null ? 0 : 1)));
        }

        var pairs = new List<ContinuityPair>();
        for (var year = first; year < last; year++)
        {
            var (earlier, later) = (years[year - first], years[year - first + 1]);
            if (earlier.Published is { } e && later.Published is { } l && balances.TryGetValue(year, out var closing)
                && balances.TryGetValue(year + 1, out var opening))
            {
                pairs.Add(ContinuityComparison.Compare(PairRun(e.Run), closing, PairRun(l.Run), opening));
            }
            else
            {
                pairs.Add(new ContinuityPair(
                    year,
                    earlier.Published is { } p1 ? PairRun(p1.Run) : null,
                    later.Published is { } p2 ? PairRun(p2.Run) : null,
                    [])
                {
                    HeldInMissingYear = (earlier.Published is null ? earlier.Held : []).Concat(later.Published is null ? later.Held : [])
                        .Select(h => h.Run.Id.Value)
                        .ToList(),
                });
            }
        }

        return new EntityHistory(latest.EntityName, latest.EntityType, latest.InsCode, years, pairs, DateTime.UtcNow);
    }

    private static PairRun PairRun(RunInfo run)
        => new(run.Id, new FiscalYear(run.FiscalYear), run.Status, run.Mapping.Version, run.Fingerprint);

    private static async Task<HistoryTotals?> TotalsAsync(IStagingProvider provider, RunInfo run, CancellationToken cancellationToken)
    {
        if (run.Pruned is not null)
        {
            return null;
        }

        await using var connection = await provider.OpenAsync(cancellationToken);
        var totals = (await new StagingReader(connection, run.Id).RowsAsync<TotalsRow>(Totals, cancellationToken)).Single();
        return new HistoryTotals(
            new(totals.StagedDebit.Value, totals.StagedCredit.Value), new(totals.UnmappedDebit.Value, totals.UnmappedCredit.Value), totals
                .UnmappedLines, totals.RejectedLines);
    }

    /// <summary>A row of <see cref="Totals"/>: a NULL sum (no line) reads as zero.</summary>
    private sealed class TotalsRow
    {
        public Amount StagedDebit { get; init; }

        public Amount StagedCredit { get; init; }

        public Amount UnmappedDebit { get; init; }

        public Amount UnmappedCredit { get; init; }

        public long UnmappedLines { get; init; }

        public long RejectedLines { get; init; }
    }
}
