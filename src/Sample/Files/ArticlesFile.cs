using Bascule.Extract.Csv;
using Bascule.Extract.Values;
using Bascule.Sample.Writing;

namespace Bascule.Sample.Files;

/// <summary>ARTICLES.csv: every budget article of the catalogue with its credits and execution (see <see cref="ArticleBudget"/>).</summary>
public static class ArticlesFile
{
    public const string FileName = "ARTICLES.csv";

    public static WrittenFile Write(string folder, FiscalYear year, IEnumerable<ArticleBudget> budgets, SampleRandom random)
    {
        using var csv = new CsvFileWriter(Path.Combine(folder, FileName), CsvDialect.LegacyExport, [
            "EXERCICE", "ARTICLE", "LIBELLE", "SERVICE", "TYPE", "CREDIT_INITIAL", "CREDIT_AJUSTE", "ENGAGE", "IMPUTE"]);
        foreach (var budget in budgets)
        {
            var article = budget.Totals.Article;
            csv.Text(year.ToString()).Text(article.Code).Text(article.Label).Text(article.Service.ToCode()).Text(article.Type.ToString())
                .Text(AmountStyle.Format(budget.InitialCredit, random)).Text(AmountStyle.Format(budget.AdjustedCredit, random))
                .Text(AmountStyle.Format(budget.Committed, random)).Text(AmountStyle.Format(budget.Charged, random))
                .EndRecord();
        }

        return new WrittenFile(FileName, csv.Records);
    }
}
