using Bascule.Extract.Records;
using Bascule.Extract.Values;

namespace Bascule.Transform.Coverage;

/// <summary>The lines of an export that share one account/article combination: how many, how much, and the first.</summary>
public sealed record CombinationStats(string Account, BudgetArticle? Article, long Lines, Amount Debit, Amount Credit, Lineage First)
{
    public string ArticleText => Article?.ToString() ?? "";
}
