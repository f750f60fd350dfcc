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
        var source = context.Ledger.Lines.GroupBy(l => (l.Key.Year, l.Key.Journal))
            .ToDictionary(g => g.Key, g => DebitCredit.Sum(g.Select(l => l.Value)));
        var staged = context.Snapshot.StagedFlows.GroupBy(f => (f.Key.Year, f.Key.Journal))
            .ToDictionary(g => g.Key, g => DebitCredit.Sum(g.Select(f => f.Amounts)));
        var unmapped = context.Snapshot.Unmapped.GroupBy(u => (u.Key.Year, u.Key.Journal))
            .ToDictionary(g => g.Key, g => DebitCredit.Sum(g.Select(u => u.Amounts)));
        var rows = source.Keys.Concat(staged.Keys).Concat(unmapped.Keys).Distinct()
            .OrderBy(k => k.Year).ThenBy(k => k.Journal, StringComparer.Ordinal)
            .Select(k =>
            {
                var (s, t, u) = (source.GetValueOrDefault(k), staged.GetValueOrDefault(k), unmapped.GetValueOrDefault(k));
                return new JournalRow(k.Year, k.Journal, s, t, u);
            })
            .ToList();

        context.Add(CheckResult.Compare(
            CheckId.Amounts,
            "amounts:total:debit",
            rows.Sum(r => r.Source.Debit),
            rows.Sum(r => r.Staged.Debit + r.Unmapped.Debit),
            Verdict.Failed,
            topic: new(TopicKind.AmountsTotal) { Side = BookSide.Debit }));
        context.Add(CheckResult.Compare(
            CheckId.Amounts,
            "amounts:total:credit",
            rows.Sum(r => r.Source.Credit),
            rows.Sum(r => r.Staged.Credit + r.Unmapped.Credit),
            Verdict.Failed,
            topic: new(TopicKind.AmountsTotal) { Side = BookSide.Credit }));
        foreach (var row in rows)
        {
            context.Add(CheckResult.Compare(
                CheckId.Amounts,
                $"amounts:{row.FiscalYear}:{row.Journal}:debit",
                row.Source.Debit,
                row.Staged.Debit + row.Unmapped.Debit,
                Verdict.Failed,
                topic: Journal(row, BookSide.Debit)));
            context.Add(CheckResult.Compare(
                CheckId.Amounts,
                $"amounts:{row.FiscalYear}:{row.Journal}:credit",
                row.Source.Credit,
                row.Staged.Credit + row.Unmapped.Credit,
                Verdict.Failed,
                topic: Journal(row, BookSide.Credit)));
        }

        return rows;
    }

    private static CheckTopic Journal(JournalRow row, BookSide side)
        => new(TopicKind.AmountsJournal) { Year = row.FiscalYear, Journal = row.Journal, Side = side };
}
