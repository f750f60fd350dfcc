using Bascule.Extract.Records;
using Bascule.Extract.Values;

namespace Bascule.Extract.Reading;

/// <summary>Parses <c>ENGAGEMENTS.csv</c> records.</summary>
internal sealed class CommitmentLineParser : IRecordParser<CommitmentLine>
{
    private const int Year = 0, Article = 1, Number = 2, Date = 3, ThirdParty = 4, Label = 5, Committed = 6, Charged = 7;

    public Parsed<CommitmentLine> Parse(RowParser row)
    {
        if (!row.TryYear(Year, out var year)
            || !row.TryArticle(Article, optional: false, out var article)
            || !row.TryDate(Date, out var date)
            || !row.TryThirdParty(ThirdParty, out var thirdParty)
            || !row.TryAmount(Committed, out var committed)
            || !row.TryAmount(Charged, out var charged))
        {
            return row.Rejection<CommitmentLine>();
        }

        return Parsed<CommitmentLine>.Ok(new CommitmentLine(row.Reader.Lineage, year, article!, row.Text(Number), date, thirdParty, row.Text(Label), committed, charged));
    }

    // Commitments are budget figures, not debits and credits: they add nothing to the control totals.
    public (Amount Debit, Amount Credit) Totals(CommitmentLine record) => (Amount.Zero, Amount.Zero);
}
