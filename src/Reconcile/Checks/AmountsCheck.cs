using Bascule.Reconcile.Model;
using Bascule.Reconcile.Staging;

namespace Bascule.Reconcile.Checks;

/// <summary>
/// Check 3: per fiscal year and journal, the source debit and credit against what was staged plus what stayed unmapped
/// (shown apart, never hidden in the difference), which must be 0.00. Rejected lines are not in the source side: their
/// amounts are accounted for by check 2.
/// </summary>
internal static class AmountsCheck
{
    public static IReadOnlyList<JournalRow> Run(CheckContext context)
    {
        var source = context.Ledger.Lines.GroupBy(l => (l.Key.Year, l.Key.Journal)).ToDictionary(g => g.Key, g => Sum(g.Select(l => l.Value)));
        var staged = context.Snapshot.StagedFlows.GroupBy(f => (f.Key.Year, f.Key.Journal)).ToDictionary(g => g.Key, g => Sum(g.Select(f => f.Sides)));
        var unmapped = context.Snapshot.Unmapped.GroupBy(u => (u.Key.Year, u.Key.Journal)).ToDictionary(g => g.Key, g => Sum(g.Select(u => u.Sides)));
        var rows = source.Keys.Concat(staged.Keys).Concat(unmapped.Keys).Distinct()
            .OrderBy(k => k.Year).ThenBy(k => k.Journal, StringComparer.Ordinal)
            .Select(k =>
            {
                var (s, t, u) = (source.GetValueOrDefault(k), staged.GetValueOrDefault(k), unmapped.GetValueOrDefault(k));
                return new JournalRow(k.Year, k.Journal, s.Debit, s.Credit, t.Debit, t.Credit, u.Debit, u.Credit);
            })
            .ToList();

        context.Add(CheckResult.Compare(CheckId.Amounts, "amounts:total:debit", rows.Sum(r => r.SourceDebit), rows.Sum(r => r.StagedDebit + r.UnmappedDebit), Verdict.Failed));
        context.Add(CheckResult.Compare(CheckId.Amounts, "amounts:total:credit", rows.Sum(r => r.SourceCredit), rows.Sum(r => r.StagedCredit + r.UnmappedCredit), Verdict.Failed));
        foreach (var row in rows)
        {
            context.Add(CheckResult.Compare(CheckId.Amounts, $"amounts:{row.FiscalYear}:{row.Journal}:debit", row.SourceDebit, row.StagedDebit + row.UnmappedDebit, Verdict.Failed));
            context.Add(CheckResult.Compare(CheckId.Amounts, $"amounts:{row.FiscalYear}:{row.Journal}:credit", row.SourceCredit, row.StagedCredit + row.UnmappedCredit, Verdict.Failed));
        }

        return rows;
    }

    internal static Sides Sum(IEnumerable<Sides> sides) => sides.Aggregate(default(Sides), (a, b) => a + b);
}
