using Bascule.Sample.Catalog;

namespace Bascule.Sample.Ledger;

/// <summary>
/// The opening journal (OUV) on the first day of the year: every balance-sheet account with its balance carried
/// forward, the equity account ("patrimoine") taking the difference so that the opening balances.
/// </summary>
public static class OpeningDocument
{
    public static int LineCount(IReadOnlyList<CatalogAccount> accounts) => accounts.Count(a => a.OpeningBalance != 0m) + 1;

    public static void Compose(DocumentContext context, IReadOnlyList<CatalogAccount> accounts, List<LedgerEntry> lines)
    {
        long net = 0;
        foreach (var account in accounts.Where(a => a.OpeningBalance != 0m))
        {
            var cents = (long)decimal.Round(account.OpeningBalance * 100m * (decimal)(0.9 + (0.2 * context.Random.NextDouble())), 0);
            var label = $"Bilan d'ouverture {context.Year} - {account.Label}";
            lines.Add(cents > 0 ? LedgerEntry.Debit(account.Code, cents, label) : LedgerEntry.Credit(account.Code, -cents, label));
            net += cents;
        }

        var equity = accounts.Single(a => a.Code == LegacyCatalog.Equity);
        var equityLabel = $"Bilan d'ouverture {context.Year} - {equity.Label}";
        lines.Add(net >= 0 ? LedgerEntry.Credit(equity.Code, net, equityLabel) : LedgerEntry.Debit(equity.Code, -net, equityLabel));
    }
}
