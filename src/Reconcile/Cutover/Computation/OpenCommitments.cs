using Bascule.Reconcile.Cutover.Data;
using Bascule.Reconcile.Cutover.Model;

namespace Bascule.Reconcile.Cutover.Computation;

/// <summary>
/// Commitments with their new article. A commitment has no general account, so the mapping rules (which need one) cannot
/// place it by themselves: it takes the economic and function codes that the run's staged lines carrying the same legacy
/// article received from those very rules. Where they received several, the codes carrying the most euros win (and the
/// commitment says so); where no staged line carries the article, the commitment keeps only its legacy article.
/// </summary>
internal static class OpenCommitments
{
    public static IReadOnlyList<OpenCommitment> Compute(CutoverSnapshot snapshot)
    {
        var targets = snapshot.ArticleTargets
            .GroupBy(t => t.Article, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (Best: g.OrderByDescending(t => t.Weight).ThenBy(t => t.Economic, StringComparer.Ordinal)
                    .ThenBy(t => t.Function, StringComparer.Ordinal)
                    .First(), Count: g.Count()),
                StringComparer.Ordinal);
        return snapshot.Commitments.Select(c =>
        {
            var found = targets.TryGetValue(c.Article, out var target);
            var mapping = !found ? ArticleMapping.None : target.Count == 1 ? ArticleMapping.Unique : ArticleMapping.Dominant;
            return new OpenCommitment(
                c.FiscalYear, c.Number, c.Date, c.Article, found ? target.Best.Economic : null, found
                    ? target.Best.Function
                    : null, mapping, c.ThirdParty, c.Label, c.Committed, c.Charged);
        }).ToList();
    }
}
