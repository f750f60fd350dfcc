using Bascule.Sample.Catalog;

namespace Bascule.Sample.Ledger;

/// <summary>
/// The opening journal (OUV) on the first day of the year: every balance-sheet account with its balance carried
/// forward. A first year draws its balances around the catalogue's typical ones, the equity account
/// ("patrimoine") taking the difference so that the opening balances. A year that follows another opens with that
/// year's closing balances, the previous result added to <see cref="LegacyCatalog.ResultCarriedForward"/>.
/// </summary>
public static class OpeningDocument
{
    public static int LineCount(IReadOnlyList<CatalogAccount> accounts) => accounts.Count(a => a.OpeningBalance != 0m) + 1;

    /// <summary>The most lines a carried opening can have: one per balance-sheet account of the catalogue.</summary>
    public static int MaximumCarriedLineCount(IReadOnlyList<CatalogAccount> accounts) => accounts.Count(YearClosing.IsBalanceSheet);

    /// <summary>
    /// The opening of a year that follows <paramref name="previous"/>: one line per balance-sheet account whose
    /// carried balance is not zero, in catalogue order. It balances because the previous ledger did: the
    /// balance-sheet closings add up to minus the result, which the result account takes back.
    /// </summary>
    public static void ComposeCarried(
        DocumentContext context,
        IReadOnlyList<CatalogAccount> accounts,
        YearClosing previous,
        List<LedgerEntry> lines)
    {
        foreach (var account in accounts.Where(YearClosing.IsBalanceSheet))
        {
            var carriesResult = account.Code == LegacyCatalog.ResultCarriedForward;
            var cents = previous.Closing(account.Code) + (carriesResult ? previous.Result : 0);
            if (cents == 0)
            {
                continue;
            }

            var label = carriesResult
                ? $"Bilan d'ouverture {context.Year} - {account.Label} (résultat {previous.Year} reporté)"
                : $"Bilan d'ouverture {context.Year} - {account.Label}";
            lines.Add(cents > 0 ? LedgerEntry.Debit(account.Code, cents, label) : LedgerEntry.Credit(account.Code, -cents, label));
        }
    }

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
