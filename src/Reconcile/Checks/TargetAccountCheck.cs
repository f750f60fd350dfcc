using Bascule.Reconcile.Model;

namespace Bascule.Reconcile.Checks;

/// <summary>
/// Check 6: per new account, the staged total with the legacy accounts that feed it. Together the new accounts hold
/// exactly the mapped source amounts (the source minus its unmapped lines).
/// </summary>
internal static class TargetAccountCheck
{
    public static IReadOnlyList<TargetAccountRow> Run(CheckContext context)
    {
        var rows = context.Snapshot.StagedFlows
            .GroupBy(f => f.Target)
            .Select(g =>
            {
                var feeds = g.GroupBy(f => f.Key.Account)
                    .Select(a => new AccountFlow(a.Key, DebitCredit.Sum(a.Select(f => f.Amounts))))
                    .OrderBy(a => a.Account, StringComparer.Ordinal)
                    .ToList();
                return new TargetAccountRow(g.Key, DebitCredit.Sum(feeds.Select(f => f.Amounts)), feeds);
            })
            .OrderBy(t => t.Account, StringComparer.Ordinal)
            .ToList();

        var source = DebitCredit.Sum(context.Ledger.Lines.Values);
        var unmapped = DebitCredit.Sum(context.Snapshot.Unmapped.Select(u => u.Amounts));
        context.Add(CheckResult.Compare(
            CheckId.TargetAccounts,
            "targetAccounts:debit",
            source.Debit - unmapped.Debit,
            rows.Sum(r => r.Amounts.Debit),
            Verdict.Failed,
            topic: new(TopicKind.TargetAccounts) { Side = BookSide.Debit }));
        context.Add(CheckResult.Compare(
            CheckId.TargetAccounts,
            "targetAccounts:credit",
            source.Credit - unmapped.Credit,
            rows.Sum(r => r.Amounts.Credit),
            Verdict.Failed,
            topic: new(TopicKind.TargetAccounts) { Side = BookSide.Credit }));
        return rows;
    }
}
