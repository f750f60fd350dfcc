using Bascule.Extract.Records;
using Bascule.Extract.Values;

namespace Bascule.Extract.Reading;

/// <summary>
/// Parses <c>ARTICLES.csv</c> records. A budget has one line per article and year: a second line for an article is
/// rejected as a duplicate (the first is kept), so the budget check compares each article's figures once.
/// </summary>
internal sealed class ArticleLineParser : IRecordParser<ArticleLine>
{
    private const int Year = 0, Article = 1, Label = 2, ServiceField = 3, Kind = 4, InitialCredit = 5, AdjustedCredit = 6, Committed
        = 7, Charged = 8;

    private readonly Dictionary<(int Year, BudgetArticle Article), long> _articles = [];

    public Parsed<ArticleLine> Parse(RowParser row)
    {
        if (!row.TryYear(Year, out var year)
            || !row.TryArticle(Article, optional: false, out var article)
            || !row.TryService(ServiceField, out var service)
            || !TryKind(row, out var kind)
            || !row.TryAmount(InitialCredit, out var initial)
            || !row.TryAmount(AdjustedCredit, out var adjusted)
            || !row.TryAmount(Committed, out var committed)
            || !row.TryAmount(Charged, out var charged))
        {
            return row.Rejection<ArticleLine>();
        }

        var key = (year.Value, article!);
        if (!_articles.TryAdd(key, row.Reader.Line))
        {
            row.Fail(
                Article,
                RejectReason.DuplicateLine,
                $"article {article} of {year} already has a line (line {_articles[key]}): a budget has one line per article.");
            return row.Rejection<ArticleLine>();
        }

        return Parsed<ArticleLine>.Ok(
            new ArticleLine(row.Reader.Lineage, year, article!, row.Text(Label), service, kind, initial, adjusted, committed, charged));
    }

    // Articles carry budget figures, not debits and credits: they add nothing to the control totals.
    public (Amount Debit, Amount Credit) Totals(ArticleLine record) => (Amount.Zero, Amount.Zero);

    private static bool TryKind(RowParser row, out ArticleKind kind)
    {
        var text = row[Kind].Trim();
        kind = ArticleKind.Expenditure;
        if (text is "D" or "d")
        {
            return true;
        }

        kind = ArticleKind.Revenue;
        return text is "R" or "r"
            || row.Fail(Kind, RejectReason.BadValue, $"\"{text}\" is not an article type: D (expenditure) or R (revenue).");
    }
}
