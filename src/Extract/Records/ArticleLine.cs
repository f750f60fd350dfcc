using Bascule.Extract.Values;

namespace Bascule.Extract.Records;

/// <summary>
/// One budget article of <c>ARTICLES.csv</c> and its execution. For revenue, <paramref name="Committed"/> holds the
/// established receivables (the legacy column <c>ENGAGE</c>).
/// </summary>
public sealed record ArticleLine(
    Lineage Lineage,
    FiscalYear Year,
    BudgetArticle Article,
    string Label,
    Service Service,
    ArticleKind Kind,
    Amount InitialCredit,
    Amount AdjustedCredit,
    Amount Committed,
    Amount Charged);
