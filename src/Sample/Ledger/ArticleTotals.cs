using Bascule.Sample.Catalog;

namespace Bascule.Sample.Ledger;

/// <summary>The ledger lines that carry one budget article, in cents, and a few of the third parties they name.</summary>
public sealed class ArticleTotals(CatalogArticle article)
{
    private const int KeptThirdParties = 3;
    private readonly List<string> _thirdParties = [];

    public CatalogArticle Article { get; } = article;

    public long Debit { get; private set; }

    public long Credit { get; private set; }

    /// <summary>
    /// The article's charges ("imputations"): debits minus credits for an expenditure article, credits minus
    /// debits for a revenue article. ARTICLES.csv IMPUTE and the ENGAGEMENTS.csv MONTANT_IMPUTE sum are this.
    /// </summary>
    public long Charged => Article.IsExpenditure ? Debit - Credit : Credit - Debit;

    /// <summary>Up to three third parties seen on the article's lines, named by its commitments.</summary>
    public IReadOnlyList<string> ThirdParties => _thirdParties;

    public void Add(in LedgerEntry entry)
    {
        if (entry.IsDebit)
        {
            Debit += entry.Cents;
        }
        else
        {
            Credit += entry.Cents;
        }

        if (entry.ThirdParty.Length > 0 && _thirdParties.Count < KeptThirdParties && !_thirdParties.Contains(entry.ThirdParty))
        {
            _thirdParties.Add(entry.ThirdParty);
        }
    }
}
