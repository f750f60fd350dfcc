namespace Bascule.Reconcile.Model;

/// <summary>
/// Check 8: one budget article. <c>ARTICLES.csv</c> ENGAGE and IMPUTE (<paramref name="Budget"/>) against the
/// <c>ENGAGEMENTS.csv</c> sums (<paramref name="Commitments"/>) and against the ledger lines that carry the article
/// (<paramref name="LedgerCharged"/>; charges: debit − credit for expenditure <c>D</c>, credit − debit for revenue <c>R</c>).
/// </summary>
public sealed record ArticleRow(
    string Article,
    string Label,
    string Kind,
    BudgetExecution Budget,
    BudgetExecution Commitments,
    decimal LedgerCharged)
{
    public bool IsExpenditure => Kind == "D";

    /// <summary>Commitments are an expenditure notion: a revenue article's ENGAGE is its established receivables, not a sum of
    /// commitments.</summary>
    public bool Agrees => Budget.Charged == LedgerCharged && (!IsExpenditure || Budget == Commitments);
}

/// <summary>What was committed on a budget article and what was charged to it.</summary>
public readonly record struct BudgetExecution(decimal Committed, decimal Charged);
