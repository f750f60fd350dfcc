using Bascule.Sample.Catalog;

namespace Bascule.Sample.Ledger;

/// <summary>
/// Everything the other files need from the ledger, accumulated while it streams out: per account and per article
/// (a few dozen keys), never per line, so memory stays flat however many lines are written.
/// </summary>
public sealed class LedgerTotals(IEnumerable<CatalogArticle> articles)
{
    public Dictionary<string, AccountTotals> Accounts { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, ArticleTotals> Articles { get; } =
        articles.ToDictionary(a => a.Code, a => new ArticleTotals(a), StringComparer.Ordinal);

    public long Lines { get; private set; }

    /// <summary>Sum of the DEBIT column, negative corrections included (they stay on the debit side).</summary>
    public long Debit { get; private set; }

    public long Credit { get; private set; }

    public void Add(bool opening, in LedgerEntry entry)
    {
        Lines++;
        if (!Accounts.TryGetValue(entry.Account, out var account))
        {
            account = new AccountTotals();
            Accounts.Add(entry.Account, account);
        }

        if (entry.IsDebit)
        {
            Debit += entry.Cents;
            if (opening)
            {
                account.OpeningDebit += entry.Cents;
            }
            else
            {
                account.MovementDebit += entry.Cents;
            }
        }
        else
        {
            Credit += entry.Cents;
            if (opening)
            {
                account.OpeningCredit += entry.Cents;
            }
            else
            {
                account.MovementCredit += entry.Cents;
            }
        }

        if (entry.Article is { } article)
        {
            Articles[article.Code].Add(entry);
        }
    }
}
