using Bascule.Reconcile.Cutover;
using Bascule.Reconcile.Model;

namespace Bascule.Reconcile.Continuity;

/// <summary>
/// Check 10 for one pair of consecutive years: per account, the later year's opening against the earlier year's
/// closing (zero for a result account, classes 6 and 7). The earlier year's result reappears in the later opening on
/// one class-1 account: a difference on exactly one class-1 account equal to that result is its allocation, not a fault.
/// </summary>
internal static class ContinuityComparison
{
    public static ContinuityPair Compare(PairRun earlier, YearBalances closing, PairRun later, YearBalances opening)
    {
        var (legacy, legacyResult) = Side(ContinuitySide.Legacy, closing.Legacy, opening.Legacy);
        var (target, newResult) = Side(ContinuitySide.New, closing.New, opening.New);
        return new ContinuityPair(earlier.FiscalYear.Value, earlier, later, [.. legacy, .. target])
        {
            LegacyResult = legacyResult,
            NewResult = newResult,
        };
    }

    private static (List<ContinuityRow> Rows, decimal Result) Side(
        ContinuitySide side, IReadOnlyDictionary<string, YearBalances.Balance> closing, IReadOnlyDictionary<string,
        YearBalances.Balance> opening)
    {
        var result = closing.Where(a => AccountClasses.Of(a.Key) == AccountClass.Result).Sum(a => a.Value.Closing);
        var rows = new List<ContinuityRow>();
        foreach (var account in closing.Keys.Union(opening.Keys).Where(a => a.Length > 0).Order(StringComparer.Ordinal))
        {
            var closed = closing.GetValueOrDefault(account).Closing;
            var opened = opening.GetValueOrDefault(account).Opening;
            var expected = AccountClasses.Of(account) == AccountClass.Result ? 0m : closed;
            if (closed == 0m && opened == 0m)
            {
                continue;
            }

            rows.Add(new ContinuityRow(
                side,
                account,
                closed,
                expected,
                opened,
                opened == expected ? ContinuityNature.Agrees : ContinuityNature.Differs));
        }

        // The result carried forward: recognised only when exactly one class-1 account differs by exactly the result.
        var allocations = rows.Select((row, index) => (row, index))
            .Where(
                x => result != 0m && x.row.Nature == ContinuityNature.Differs && x.row.Account.StartsWith('1')
                    && x.row.Difference == result)
            .ToList();
        if (allocations.Count == 1)
        {
            var (row, index) = allocations[0];
            rows[index] = row with { Nature = ContinuityNature.ResultAllocation };
        }

        return (rows, result);
    }
}
