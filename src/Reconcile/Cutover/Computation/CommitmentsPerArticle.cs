using Bascule.Reconcile.Cutover.Data;
using Bascule.Reconcile.Cutover.Model;

namespace Bascule.Reconcile.Cutover.Computation;

/// <summary>
/// Per budget article, the open commitments the package carries against ENGAGE − IMPUTE of <c>ARTICLES.csv</c>. Every
/// expenditure article is compared (commitments are an expenditure notion; a revenue article's ENGAGE equals its
/// IMPUTE), and so is any article a commitment names that <c>ARTICLES.csv</c> lacks or lists as revenue: its
/// commitments then have nothing to agree with.
/// </summary>
internal static class CommitmentsPerArticle
{
    public const string Expenditure = "D";

    public static IReadOnlyList<ArticleCommitments> Compute(CutoverSnapshot snapshot, IReadOnlyList<OpenCommitment> commitments)
    {
        var budget = snapshot.BudgetArticles.ToDictionary(a => a.Article, StringComparer.Ordinal);
        var byArticle = commitments.ToLookup(c => c.LegacyArticle, StringComparer.Ordinal);
        return snapshot.BudgetArticles.Where(a => a.Kind == Expenditure).Select(a => a.Article)
            .Concat(byArticle.Select(g => g.Key))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(article =>
            {
                var own = byArticle[article].ToList();
                var listed = budget.GetValueOrDefault(article);
                return new ArticleCommitments(
                    article,
                    listed?.Label ?? "",
                    listed?.Committed ?? 0m,
                    listed?.Charged ?? 0m,
                    own.Count,
                    own.Where(c => c.Open > 0m).Sum(c => c.Open),
                    own.Where(c => c.Open < 0m).Sum(c => c.Open));
            })
            .ToList();
    }
}
