namespace Bascule.Reconcile.Cutover.Model;

/// <summary>
/// One expenditure budget article at the cut-over: what <c>ARTICLES.csv</c> says is still committed (ENGAGE − IMPUTE)
/// against the open commitments of <c>ENGAGEMENTS.csv</c> the package carries for it. The two files come from the
/// legacy software separately, so a commitment lost, added or altered on the way shows on its article.
/// </summary>
/// <param name="Committed">ENGAGE of <c>ARTICLES.csv</c> (0 for an article missing from it).</param>
/// <param name="Charged">IMPUTE of <c>ARTICLES.csv</c>.</param>
/// <param name="Carried">The sum of the article's commitments with committed − charged &gt; 0: what the package carries.</param>
/// <param name="OverCharged">The sum of the article's commitments charged beyond their amount (negative), listed apart.</param>
public sealed record ArticleCommitments(
    string Article,
    string Label,
    decimal Committed,
    decimal Charged,
    long Commitments,
    decimal Carried,
    decimal OverCharged)
{
    public decimal Expected => Committed - Charged;

    public decimal Difference => Carried - Expected;

    /// <summary>
    /// The difference is exactly the listed over-charged commitments: IMPUTE counts their excess, the package does not
    /// carry a negative commitment. A WARNING, as for the total.
    /// </summary>
    public bool ExplainedByOverCharged => Difference != 0m && Difference == -OverCharged;
}
