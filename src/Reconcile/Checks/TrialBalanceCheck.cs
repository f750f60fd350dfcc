using Bascule.Reconcile.Model;
using Bascule.Reconcile.Staging;

namespace Bascule.Reconcile.Checks;

/// <summary>
/// Check 7: the legacy trial balance against the ledger it came with. Per account, <c>BALANCE.csv</c> as loaded
/// (<c>legacy_balance</c>) against the opening (journal OUV) and movements (every other journal) recomputed from the
/// source ledger (see <see cref="SourceLedger"/>: <c>ECRITURES.csv</c> itself when the export folder is given); the
/// closing balance is the net of both. An account found on one side only differs too.
/// </summary>
internal static class TrialBalanceCheck
{
    /// <summary>The legacy export books the year's opening balances in this journal.</summary>
    public const string OpeningJournal = "OUV";

    public static IReadOnlyList<TrialBalanceRow> Run(CheckContext context)
    {
        var opening = new Dictionary<string, DebitCredit>(StringComparer.Ordinal);
        var movements = new Dictionary<string, DebitCredit>(StringComparer.Ordinal);
        foreach (var (key, sides) in context.Ledger.Lines)
        {
            var target = key.Journal == OpeningJournal ? opening : movements;
            target[key.Account] = target.GetValueOrDefault(key.Account) + sides;
        }

        var balance = context.Snapshot.Balance.ToDictionary(b => b.Account, StringComparer.Ordinal);
        var rows = new List<TrialBalanceRow>();
        foreach (var account in balance.Keys.Concat(opening.Keys).Concat(movements.Keys).Distinct().Order(StringComparer.Ordinal))
        {
            var b = balance.GetValueOrDefault(account);
            var (o, m) = (opening.GetValueOrDefault(account), movements.GetValueOrDefault(account));
            var loaded = b is null
                ? new TrialBalanceFigures(0m, new(0m, 0m), 0m)
                : new TrialBalanceFigures(b.Opening.Net, b.Movements, b.Closing.Net);
            rows.Add(
                new TrialBalanceRow(account, b?.Label ?? "", Balance: loaded, Ledger: new TrialBalanceFigures(o.Net, m, o.Net + m.Net)));
        }

        if (context.Snapshot.Balance.Count == 0)
        {
            return rows;
        }

        var differing = rows.Where(r => !r.Agrees).ToList();
        context.Add(CheckResult.Compare(
            CheckId.TrialBalance,
            "trialBalance:differing",
            0,
            differing.Count,
            Verdict.Failed,
            Units.Accounts,
            new(TopicKind.TrialBalanceDiffering)));
        foreach (var row in differing)
        {
            context.Add(CheckResult.Compare(
                CheckId.TrialBalance,
                $"trialBalance:{row.Account}:closing",
                row.Balance.Closing,
                row.Ledger.Closing,
                Verdict.Failed,
                topic: new(TopicKind.TrialBalanceAccount) { Account = row.Account }));
        }

        return rows;
    }
}
