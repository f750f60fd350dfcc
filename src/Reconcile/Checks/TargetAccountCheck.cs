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
                    .Select(a => new AccountFlow(a.Key, a.Sum(f => f.Amounts.Debit), a.Sum(f => f.Amounts.Credit)))
                    .OrderBy(a => a.Account, StringComparer.Ordinal)
                    .ToList();
                return new TargetAccountRow(g.Key, feeds.Sum(f => f.Debit), feeds.Sum(f => f.Credit), feeds);
            })
            .OrderBy(t => t.Account, StringComparer.Ordinal)
            .ToList();

        var source = DebitCredit.Sum(context.Ledger.Lines.Values);
        var unmapped = DebitCredit.Sum(context.Snapshot.Unmapped.Select(u => u.Amounts));
        context.Add(CheckResult.Compare(CheckId.TargetAccounts, "targetAccounts:debit", source.Debit - unmapped.Debit, rows.Sum(r => r.Debit), Verdict.Failed, topic: new(TopicKind.TargetAccounts) { Side = BookSide.Debit }));
        context.Add(CheckResult.Compare(CheckId.TargetAccounts, "targetAccounts:credit", source.Credit - unmapped.Credit, rows.Sum(r => r.Credit), Verdict.Failed, topic: new(TopicKind.TargetAccounts) { Side = BookSide.Credit }));
        return rows;
    }
}
