using Bascule.Reconcile.Model;

namespace Bascule.Reconcile.Checks;

/// <summary>
/// Check 5: per legacy account, the source total against the sum of the target lines it produced (splits included)
/// plus its unmapped lines. Each account that differs gets its own FAILED line with the difference in euros.
/// </summary>
internal static class LegacyAccountCheck
{
    public static IReadOnlyList<LegacyAccountRow> Run(CheckContext context)
    {
        var source = context.Ledger.Lines.GroupBy(l => l.Key.Account)
            .ToDictionary(g => g.Key, g => DebitCredit.Sum(g.Select(l => l.Value)));
        var flows = context.Snapshot.StagedFlows.GroupBy(f => f.Key.Account).ToDictionary(g => g.Key, g => g.ToList());
        var unmapped = context.Snapshot.Unmapped.GroupBy(u => u.Key.Account)
            .ToDictionary(g => g.Key, g => DebitCredit.Sum(g.Select(u => u.Amounts)));
        var rows = new List<LegacyAccountRow>();
        foreach (var account in source.Keys.Concat(flows.Keys).Concat(unmapped.Keys).Distinct().Order(StringComparer.Ordinal))
        {
            var s = source.GetValueOrDefault(account);
            var u = unmapped.GetValueOrDefault(account);
            var targets = flows.GetValueOrDefault(account, [])
                .GroupBy(f => f.Target)
                .Select(g => new AccountFlow(g.Key, DebitCredit.Sum(g.Select(f => f.Amounts))))
                .OrderBy(t => t.Account, StringComparer.Ordinal)
                .ToList();
            rows.Add(new LegacyAccountRow(account, s, DebitCredit.Sum(targets.Select(t => t.Amounts)), u, targets));
        }

        var differing = rows.Where(r => r.DebitDifference != 0m || r.CreditDifference != 0m).ToList();
        context.Add(CheckResult.Compare(
            CheckId.LegacyAccounts,
            "legacyAccounts:differing",
            0,
            differing.Count,
            Verdict.Failed,
            Units.Accounts,
            new(TopicKind.LegacyAccountsDiffering)));
        foreach (var row in differing)
        {
            context.Add(CheckResult.Compare(
                CheckId.LegacyAccounts,
                $"legacyAccounts:{row.Account}:debit",
                row.Source.Debit,
                row.Staged.Debit + row.Unmapped.Debit,
                Verdict.Failed,
                topic: new(TopicKind.LegacyAccount) { Account = row.Account, Side = BookSide.Debit }));
            context.Add(CheckResult.Compare(
                CheckId.LegacyAccounts,
                $"legacyAccounts:{row.Account}:credit",
                row.Source.Credit,
                row.Staged.Credit + row.Unmapped.Credit,
                Verdict.Failed,
                topic: new(TopicKind.LegacyAccount) { Account = row.Account, Side = BookSide.Credit }));
        }

        return rows;
    }
}
