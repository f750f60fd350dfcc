using Bascule.Reconcile.Model;

namespace Bascule.Reconcile.Checks;

/// <summary>
/// Check 8: per budget article, ENGAGE and IMPUTE of <c>ARTICLES.csv</c> against the sums of <c>ENGAGEMENTS.csv</c> and
/// against the ledger lines that carry the article. A disagreement is a WARNING: it is the legacy budget execution
/// disagreeing with its own ledger, for the accountant to explain; the migration itself lost nothing (checks 3 and 5 say so).
/// </summary>
internal static class BudgetCheck
{
    public static IReadOnlyList<ArticleRow> Run(CheckContext context)
    {
        var ledger = context.Ledger.Lines.Where(l => l.Key.Article is not null)
            .GroupBy(l => l.Key.Article!)
            .ToDictionary(g => g.Key, g => DebitCredit.Sum(g.Select(l => l.Value)), StringComparer.Ordinal);
        var commitments = context.Snapshot.Commitments;
        var rows = new List<ArticleRow>();
        foreach (var (article, label, kind, committed, charged) in context.Snapshot.Articles)
        {
            var sides = ledger.GetValueOrDefault(article);
            ledger.Remove(article);
            var c = commitments.GetValueOrDefault(article);
            rows.Add(
                new ArticleRow(
                    article,
                    label,
                    kind,
                    new(committed, charged),
                    new(c.Debit, c.Credit),
                    kind == "R" ? -sides.Net : sides.Net));
        }

        // Articles booked in the ledger but missing from ARTICLES.csv: their charges are unexplained by the budget.
        foreach (var (article, sides) in ledger.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            var c = commitments.GetValueOrDefault(article);
            rows.Add(new ArticleRow(article, "", "", new(0m, 0m), new(c.Debit, c.Credit), sides.Net));
        }

        rows.Sort((a, b) => string.CompareOrdinal(a.Article, b.Article));
        if (rows.Count > 0)
        {
            context.Add(CheckResult.Compare(
                CheckId.Budget,
                "budget:differing",
                0,
                rows.Count(r => !r.Agrees),
                Verdict.Warning,
                Units.Articles,
                new(TopicKind.BudgetDiffering)));
        }

        return rows;
    }
}
