using Bascule.Sample.Ledger;

namespace Bascule.Sample.Files;

/// <summary>
/// The budget execution of one article, derived from its ledger lines so that ARTICLES.csv, ENGAGEMENTS.csv and
/// ECRITURES.csv agree (the reconciliation's budget check relies on it):
/// IMPUTE = the article's charges in the ledger (expenditure: debits − credits; revenue: credits − debits);
/// ENGAGE = IMPUTE plus commitments still open at year end for an expenditure article, and = IMPUTE for a revenue
/// article (its established receivables are those booked);
/// CREDIT_INITIAL and CREDIT_AJUSTE (the voted and the amended credit) are both at least ENGAGE.
/// All in cents.
/// </summary>
public sealed record ArticleBudget(ArticleTotals Totals, long InitialCredit, long AdjustedCredit, long Committed)
{
    private const long Hundred = 10_000;

    public long Charged => Totals.Charged;

    public static ArticleBudget From(ArticleTotals totals, SampleRandom random)
    {
        var charged = totals.Charged;
        var article = totals.Article;
        var open = !article.IsExpenditure ? 0
            : charged > 0 ? charged * random.Between(0, 800) / 10_000
            : random.Chance(0.5) ? (long)(article.TypicalAmount * 100m) : 0;
        var committed = charged + open;
        var initial = committed > 0
            ? RoundUpToHundred(committed * random.Between(10_200, 12_500) / 10_000)
            : RoundUpToHundred((long)(article.TypicalAmount * 1_200m));
        var adjusted = Math.Max(initial + (initial * random.Between(-1_000, 1_000) / 10_000), RoundUpToHundred(committed));
        return new ArticleBudget(totals, initial, RoundUpToHundred(adjusted), committed);
    }

    // Budgets are voted in round hundreds of euros.
    private static long RoundUpToHundred(long cents) => (cents + Hundred - 1) / Hundred * Hundred;
}
