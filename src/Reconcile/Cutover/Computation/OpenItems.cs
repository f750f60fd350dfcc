using Bascule.Reconcile.Cutover.Data;
using Bascule.Reconcile.Cutover.Model;
using Bascule.Reconcile.Model;

namespace Bascule.Reconcile.Cutover.Computation;

/// <summary>
/// Open items on the receivable (legacy 40, 41) and payable (44, 45) accounts, per new account, legacy account and third
/// party. The legacy export carries no matching (lettering), so the settlement is rebuilt in two steps, each first in,
/// first out by date: a document is settled by a document of exactly the opposite amount (an invoice and its payment);
/// then what is left on the smaller side (partial payments, instalments) settles the oldest documents of the other side,
/// the last one partly. What remains is open, each item with its own document reference, date and remaining amount, all
/// on the side of the third party's balance. Lines without a third party (the legacy opening entry books its balances
/// globally) are settled among themselves the same way and listed as such.
/// </summary>
internal static class OpenItems
{
    public static IReadOnlyList<OpenItem> Compute(CutoverSnapshot snapshot)
    {
        var items = new List<OpenItem>();
        foreach (var group in BalanceSheet(snapshot).GroupBy(d => (d.Target, d.Legacy, d.ThirdParty)))
        {
            var open = Unmatched(group.Where(d => d.Amounts.Net != 0m)
                .OrderBy(d => d.Date).ThenBy(d => d.Journal, StringComparer.Ordinal).ThenBy(d => d.Document
                    .Length).ThenBy(d => d.Document, StringComparer.Ordinal));
            items.AddRange(Offset(open).Select(x => new OpenItem(
                x.Document.Target, x.Document.Legacy, x.Document.ThirdParty, x.Document.ThirdParty is { } code
                    ? snapshot.ThirdPartyNames.GetValueOrDefault(code)
                    : null,
                x.Document.Journal, x.Document.Document, x.Document.Date, x.Open)));
        }

        return items
            .OrderBy(i => i.Account, StringComparer.Ordinal)
            .ThenBy(i => i.LegacyAccount, StringComparer.Ordinal)
            .ThenBy(i => i.ThirdParty is null ? 0 : 1)
            .ThenBy(i => i.ThirdParty, StringComparer.Ordinal)
            .ThenBy(i => i.Date)
            .ThenBy(i => i.Journal, StringComparer.Ordinal)
            .ThenBy(i => i.Document.Length)
            .ThenBy(i => i.Document, StringComparer.Ordinal)
            .ToList();
    }

    // A receivable or payable mapped off-balance (class 0) or into the result is not an opening item of the new year.
    private static IEnumerable<ThirdPartyDocument> BalanceSheet(CutoverSnapshot snapshot) =>
        snapshot.Documents.Where(d => AccountClasses.Of(d.Target) == AccountClass.BalanceSheet);

    private static List<ThirdPartyDocument> Unmatched(IEnumerable<ThirdPartyDocument> documents)
    {
        var waiting = new Dictionary<decimal, Queue<ThirdPartyDocument>>();
        var order = new List<ThirdPartyDocument>();
        foreach (var document in documents)
        {
            order.Add(document);
            if (waiting.TryGetValue(-document.Amounts.Net, out var opposite) && opposite.Count > 0)
            {
                opposite.Dequeue();
                continue;
            }

            if (!waiting.TryGetValue(document.Amounts.Net, out var same))
            {
                waiting[document.Amounts.Net] = same = new Queue<ThirdPartyDocument>();
            }

            same.Enqueue(document);
        }

        var left = waiting.Values.SelectMany(q => q).ToHashSet();
        return order.Where(left.Contains).ToList();
    }

    private static IEnumerable<(ThirdPartyDocument Document, decimal Open)> Offset(List<ThirdPartyDocument> documents)
    {
        var balance = documents.Sum(d => d.Amounts.Net);
        var sign = Math.Sign(balance);
        var settling = Math.Abs(documents.Where(d => Math.Sign(d.Amounts.Net) != sign).Sum(d => d.Amounts.Net));
        foreach (var document in documents.Where(d => sign != 0 && Math.Sign(d.Amounts.Net) == sign))
        {
            var amount = Math.Abs(document.Amounts.Net);
            var used = Math.Min(amount, settling);
            settling -= used;
            if (amount > used)
            {
                yield return (document, sign * (amount - used));
            }
        }
    }

    /// <summary>
    /// Per legacy control account: the open items against the account's closing in <c>BALANCE.csv</c>. Every control
    /// account the run knows (from the balance, the ledger or the mapping) is listed, those without any open item too:
    /// a closing balance with nothing open behind it is exactly what must show.
    /// </summary>
    public static IReadOnlyList<ControlAccountItems> PerControlAccount(
        IReadOnlyList<OpenItem> items,
        IReadOnlyList<LegacyClosingRow> legacy)
    {
        var byAccount = items.ToLookup(i => i.LegacyAccount, StringComparer.Ordinal);
        return legacy.Where(a => ControlAccounts.IsControl(a.Account))
            .Select(a => new ControlAccountItems(
                a.Account, a.Label, a.BalanceClosing, a.ClosedToResult + a.OffBalance, a.Unmapped, byAccount[a.Account]
                    .Count(), byAccount[a.Account].Sum(i => i.Net)))
            .ToList();
    }

    /// <summary>Per new account: the open items against the account's opening balance.</summary>
    public static IReadOnlyList<OpenItemAccount> PerAccount(
        IReadOnlyList<OpenItem> items,
        IReadOnlyList<OpeningBalance> balances,
        CutoverSnapshot snapshot)
    {
        var opening = balances.ToDictionary(b => b.Account, b => b.Net, StringComparer.Ordinal);
        return BalanceSheet(snapshot).Select(d => d.Target).Distinct().Order(StringComparer.Ordinal)
            .Select(account =>
            {
                var own = items.Where(i => i.Account == account).ToList();
                return new OpenItemAccount(
                    account,
                    own.Count,
                    own.Count(i => i.ThirdParty is null),
                    own.Sum(i => i.Net),
                    opening.GetValueOrDefault(account));
            })
            .ToList();
    }
}
