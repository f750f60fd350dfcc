using Bascule.Extract.Records;
using Bascule.Extract.Values;

namespace Bascule.Load.Rows;

/// <summary>One budget article and its execution (<c>ARTICLES.csv</c>), as read. <paramref name="Kind"/> is <c>D</c> or <c>R</c>.</summary>
public sealed record BudgetArticleRow(
    Lineage Lineage,
    FiscalYear Year,
    string Article,
    string Label,
    string Service,
    string Kind,
    Amount InitialCredit,
    Amount AdjustedCredit,
    Amount Committed,
    Amount Charged);
