namespace Bascule.Reconcile.Model;

/// <summary>
/// Check 8: one budget article. <c>ARTICLES.csv</c> ENGAGE and IMPUTE against the <c>ENGAGEMENTS.csv</c> sums and against
/// the ledger lines that carry the article (charges: debit − credit for expenditure <c>D</c>, credit − debit for revenue <c>R</c>).
/// </summary>
public sealed record ArticleRow(
    string Article,
    string Label,
    string Kind,
    decimal Committed,
    decimal Charged,
    decimal CommitmentsCommitted,
    decimal CommitmentsCharged,
    decimal LedgerCharged)
{
    public bool IsExpenditure => Kind == "D";

    /// <summary>Commitments are an expenditure notion: a revenue article's ENGAGE is its established receivables, not a sum of commitments.</summary>
    public bool Agrees =>
        Charged == LedgerCharged && (!IsExpenditure || (Committed == CommitmentsCommitted && Charged == CommitmentsCharged));
}
