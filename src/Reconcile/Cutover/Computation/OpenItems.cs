using Bascule.Reconcile.Cutover.Data;
using Bascule.Reconcile.Cutover.Model;

namespace Bascule.Reconcile.Cutover.Computation;

/// <summary>
/// Open items on the receivable (legacy 40, 41) and payable (44, 45) accounts, per new account, legacy account and third
/// party. A document whose lines net to zero there is settled. The legacy export carries no matching (lettering), so a
/// document is also settled by a later or earlier document of exactly the opposite amount for the same third party and
/// account (an invoice and its payment), first in, first out by date; whatever stays unmatched is open. Lines without a
/// third party (the legacy opening entry books its balances globally) are matched among themselves and listed as such.
/// </summary>
internal static class OpenItems
{
    public static IReadOnlyList<OpenItem> Compute(CutoverSnapshot snapshot)
    {
        var items = new List<OpenItem>();
        foreach (var group in snapshot.Documents.GroupBy(d => (d.Target, d.Legacy, d.ThirdParty)))
        {
            var waiting = new Dictionary<decimal, Queue<ThirdPartyDocument>>();
            foreach (var document in group.Where(d => d.Sides.Net != 0m).OrderBy(d => d.Date).ThenBy(d => d.Journal, StringComparer.Ordinal).ThenBy(d => d.Document.Length).ThenBy(d => d.Document, StringComparer.Ordinal))
            {
                if (waiting.TryGetValue(-document.Sides.Net, out var opposite) && opposite.Count > 0)
                {
                    opposite.Dequeue();
                    continue;
                }

                if (!waiting.TryGetValue(document.Sides.Net, out var same))
                {
                    waiting[document.Sides.Net] = same = new Queue<ThirdPartyDocument>();
                }

                same.Enqueue(document);
            }

            items.AddRange(waiting.Values.SelectMany(q => q).Select(d => new OpenItem(
                d.Target, d.Legacy, d.ThirdParty, d.ThirdParty is { } code ? snapshot.ThirdPartyNames.GetValueOrDefault(code) : null, d.Journal, d.Document, d.Date, d.Sides.Net)));
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

    /// <summary>Per new account: the open items against the account's opening balance.</summary>
    public static IReadOnlyList<OpenItemAccount> PerAccount(IReadOnlyList<OpenItem> items, IReadOnlyList<OpeningBalance> balances, CutoverSnapshot snapshot)
    {
        var opening = balances.ToDictionary(b => b.Account, b => b.Net, StringComparer.Ordinal);
        return snapshot.Documents.Select(d => d.Target).Distinct().Order(StringComparer.Ordinal)
            .Select(account =>
            {
                var own = items.Where(i => i.Account == account).ToList();
                return new OpenItemAccount(account, own.Count, own.Count(i => i.ThirdParty is null), own.Sum(i => i.Net), opening.GetValueOrDefault(account));
            })
            .ToList();
    }
}
