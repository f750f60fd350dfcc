using Bascule.Extract.Values;
using Bascule.Sample.Writing;

namespace Bascule.Sample.Files;

/// <summary>ARTICLES.csv: every budget article of the catalogue with its credits and execution (see <see cref="ArticleBudget"/>).</summary>
public static class ArticlesFile
{
    public const string FileName = "ARTICLES.csv";

    public static WrittenFile Write(string folder, FiscalYear year, IEnumerable<ArticleBudget> budgets, SampleRandom random)
    {
        using var csv = new LegacyCsvWriter(Path.Combine(folder, FileName),
            "EXERCICE", "ARTICLE", "LIBELLE", "SERVICE", "TYPE", "CREDIT_INITIAL", "CREDIT_AJUSTE", "ENGAGE", "IMPUTE");
        foreach (var budget in budgets)
        {
            var article = budget.Totals.Article;
            csv.Field(year.ToString()).Field(article.Code).Field(article.Label).Field(article.Service.ToCode()).Field(article.Type.ToString())
                .Field(AmountStyle.Format(budget.InitialCredit, random)).Field(AmountStyle.Format(budget.AdjustedCredit, random))
                .Field(AmountStyle.Format(budget.Committed, random)).Field(AmountStyle.Format(budget.Charged, random))
                .EndRecord();
        }

        return new WrittenFile(FileName, csv.Records);
    }
}
