using Bascule.Extract.Records;
using Bascule.Extract.Values;

namespace Bascule.Extract.Reading;

/// <summary>
/// Parses <c>ENGAGEMENTS.csv</c> records. A commitment number identifies one commitment in its year: a second line
/// with the same number is rejected as a duplicate (the first is kept), so no commitment is counted twice. A line
/// without a number is a duplicate only when the whole line repeats an earlier one.
/// </summary>
internal sealed class CommitmentLineParser : IRecordParser<CommitmentLine>
{
    private const int Year = 0, Article = 1, Number = 2, Date = 3, ThirdParty = 4, Label = 5, Committed = 6, Charged = 7;

    private readonly Dictionary<(int Year, string Number), long> _numbers = [];
    private readonly Dictionary<string, long> _unnumbered = new(StringComparer.Ordinal);

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

        var number = row.Text(Number);
        // A quoted number keeps its spaces, but one of spaces only is no number.
        var numbered = !string.IsNullOrWhiteSpace(number);
        if (numbered && !_numbers.TryAdd((year.Value, number), row.Reader.Line))
        {
            row.Fail(Number, RejectReason.DuplicateLine, $"commitment {number} of {year} already has a line (line "
                + $"{_numbers[(year.Value, number)]}): a commitment number is used once a year.");
            return row.Rejection<CommitmentLine>();
        }

        if (!numbered && !_unnumbered.TryAdd(row.Reader.RawText, row.Reader.Line))
        {
            row.Fail(
                null,
                RejectReason.DuplicateLine,
                $"exact duplicate of the commitment without a number on line {_unnumbered[row.Reader.RawText]}.");
            return row.Rejection<CommitmentLine>();
        }

        return Parsed<CommitmentLine>.Ok(
            new CommitmentLine(row.Reader.Lineage, year, article!, number, date, thirdParty, row.Text(Label), committed, charged));
    }

    // Commitments are budget figures, not debits and credits: they add nothing to the control totals.
    public (Amount Debit, Amount Credit) Totals(CommitmentLine record) => (Amount.Zero, Amount.Zero);
}
