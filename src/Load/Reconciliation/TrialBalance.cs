using Bascule.Extract.Values;
using static Bascule.Load.Reconciliation.ReconciliationQueries;

namespace Bascule.Load.Reconciliation;

/// <summary>
/// The legacy trial balance against the ledger it came with: per account, <c>BALANCE.csv</c>'s opening, movements
/// and closing balance against the sums of the accepted ledger lines (journal OUV for the opening).
/// </summary>
internal static class TrialBalance
{
    public static async Task<ReconciliationCheck> CheckAsync(StagingQuery query, CancellationToken cancellationToken)
    {
        var ledger = new Dictionary<string, Sides>(StringComparer.Ordinal);
        foreach (var row in await query.RowsAsync(LedgerPerAccount, r => (Account: r.Text(0), Opening: r.Count(1) == 1, Debit: r.Amount(2), Credit: r.Amount(3)), cancellationToken))
        {
            var sides = ledger.GetValueOrDefault(row.Account);
            ledger[row.Account] = row.Opening
                ? sides with { OpeningDebit = row.Debit, OpeningCredit = row.Credit }
                : sides with { MovementDebit = row.Debit, MovementCredit = row.Credit };
        }

        var balance = await query.RowsAsync(
            BalancePerAccount,
            r => (Account: r.Text(0), Sides: new Sides(r.Amount(1), r.Amount(2), r.Amount(3), r.Amount(4)), Closing: r.Amount(5) - r.Amount(6)),
            cancellationToken);
        if (balance.Count == 0)
        {
            return RunReconciliation.Count("trialBalance:accountsDiffering", 0, 0, CheckStatus.Ok, "accounts");
        }

        var differing = 0L;
        foreach (var account in balance)
        {
            var fromLedger = ledger.GetValueOrDefault(account.Account);
            ledger.Remove(account.Account);
            if (fromLedger != account.Sides || (fromLedger.Net - account.Closing).Value != 0m)
            {
                differing++;
            }
        }

        // Accounts with ledger lines but no balance line differ too.
        differing += ledger.Values.Count(s => s != default);
        return RunReconciliation.Count("trialBalance:accountsDiffering", 0, differing, CheckStatus.Failed, "accounts");
    }

    private readonly record struct Sides(Amount OpeningDebit, Amount OpeningCredit, Amount MovementDebit, Amount MovementCredit)
    {
        public Amount Net => OpeningDebit + MovementDebit - OpeningCredit - MovementCredit;
    }
}
