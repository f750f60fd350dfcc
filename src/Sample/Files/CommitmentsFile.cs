using System.Globalization;
using Bascule.Extract.Csv;
using Bascule.Extract.Values;
using Bascule.Sample.Writing;

namespace Bascule.Sample.Files;

/// <summary>
/// ENGAGEMENTS.csv: for every expenditure article with something committed, one to four commitments whose
/// MONTANT_IMPUTE add up to the article's IMPUTE and whose MONTANT_ENGAGE add up to its ENGAGE. Commitments are an
/// expenditure notion: revenue articles have none.
/// </summary>
public static class CommitmentsFile
{
    public const string FileName = "ENGAGEMENTS.csv";

    public static WrittenFile Write(string folder, FiscalYear year, IEnumerable<ArticleBudget> budgets, SampleRandom random)
    {
        using var csv = new CsvFileWriter(Path.Combine(folder, FileName), CsvDialect.LegacyExport, [
            "EXERCICE", "ARTICLE", "NUM_ENGAGEMENT", "DATE_ENGAGEMENT", "TIERS", "LIBELLE", "MONTANT_ENGAGE", "MONTANT_IMPUTE"]);
        var number = 0;
        foreach (var budget in budgets.Where(b => b.Totals.Article.IsExpenditure && b.Committed > 0))
        {
            var article = budget.Totals.Article;
            var parties = budget.Totals.ThirdParties;
            var count = budget.Charged > 100_000 ? random.Between(1, 4) : 1;
            var openOn = random.Next(count);
            var chargedLeft = budget.Charged;
            for (var i = 0; i < count; i++)
            {
                var charged = i == count - 1 ? chargedLeft : chargedLeft * random.Between(20, 60) / 100;
                chargedLeft -= charged;
                var committed = charged + (i == openOn ? budget.Committed - budget.Charged : 0);
                var date = new DateOnly(year.Value, 1, 1).AddDays(random.Next(300));
                var party = parties.Count > 0 ? parties[i % parties.Count] : "";
                csv.Text(year.ToString()).Text(article.Code)
                    .Text(string.Create(CultureInfo.InvariantCulture, $"{year.Value}/{++number:00000}"))
                    .Text(date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)).Text(party)
                    .Text(party.Length > 0 ? $"{article.Label} - engagement {i + 1}" : $"Engagement global - {article.Label}")
                    .Text(AmountStyle.Format(committed, random)).Text(AmountStyle.Format(charged, random))
                    .EndRecord();
            }
        }

        return new WrittenFile(FileName, csv.Records);
    }
}
