using Bascule.Reconcile.Cutover.Data;
using Bascule.Reconcile.Cutover.Model;
using Bascule.Reconcile.Model;
using Bascule.Reconcile.Staging;

namespace Bascule.Reconcile.Cutover.Computation;

/// <summary>
/// The opening entry of the new year from a run's staged lines: every new balance-sheet account (classes 1-5) opens with
/// its staged balance; the net of result accounts 6 and 7 is closed into the result account (the closing rule); class 0
/// is off-balance and stays out. Each legacy account is followed to where its lines went, against its legacy closing.
/// </summary>
internal static class OpeningBalances
{
    public static (IReadOnlyList<OpeningBalance> Balances, IReadOnlyList<LegacyClosingRow> Legacy) Compute(
        CutoverSnapshot snapshot,
        string resultAccount)
    {
        var opening = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var legacy = new Dictionary<string, (decimal Carried, decimal Result, decimal OffBalance)>(StringComparer.Ordinal);
        var result = 0m;
        foreach (var (source, target, sides) in snapshot.Flows)
        {
            var part = legacy.GetValueOrDefault(source);
            switch (AccountClasses.Of(target))
            {
                case AccountClass.BalanceSheet:
                    opening[target] = opening.GetValueOrDefault(target) + sides.Net;
                    part.Carried += sides.Net;
                    break;
                case AccountClass.Result:
                    result += sides.Net;
                    part.Result += sides.Net;
                    break;
                default:
                    part.OffBalance += sides.Net;
                    break;
            }

            legacy[source] = part;
        }

        opening[resultAccount] = opening.GetValueOrDefault(resultAccount) + result;
        var balances = opening
            .Where(o => o.Value != 0m || o.Key == resultAccount)
            .OrderBy(o => o.Key, StringComparer.Ordinal)
            .Select(o => new OpeningBalance(o.Key, o.Value, o.Key == resultAccount ? result : 0m))
            .ToList();
        return (balances, Legacy(snapshot, legacy));
    }

    private static List<LegacyClosingRow> Legacy(
        CutoverSnapshot snapshot,
        Dictionary<string, (decimal Carried, decimal Result, decimal OffBalance)> mapped)
    {
        var balance = snapshot.Balance.ToDictionary(b => b.Account, StringComparer.Ordinal);
        var ledger = new Dictionary<string, DebitCredit>(StringComparer.Ordinal);
        var unmapped = new Dictionary<string, (long Lines, DebitCredit Amounts)>(StringComparer.Ordinal);
        foreach (var (kind, account, count, sides) in snapshot.LedgerSource)
        {
            ledger[account] = ledger.GetValueOrDefault(account) + sides;
            if (kind == "unmapped")
            {
                var u = unmapped.GetValueOrDefault(account);
                unmapped[account] = (u.Lines + count, u.Amounts + sides);
            }
        }

        return balance.Keys.Concat(ledger.Keys).Concat(mapped.Keys).Distinct().Order(StringComparer.Ordinal)
            .Select(account =>
            {
                var m = mapped.GetValueOrDefault(account);
                var u = unmapped.GetValueOrDefault(account);
                return new LegacyClosingRow(
                    account,
                    balance.TryGetValue(account, out var b) ? b.Label : "",
                    b.Closing.Net,
                    ledger.GetValueOrDefault(account).Net,
                    m.Carried,
                    m.Result,
                    m.OffBalance,
                    u.Amounts.Net,
                    u.Lines);
            })
            .ToList();
    }
}
