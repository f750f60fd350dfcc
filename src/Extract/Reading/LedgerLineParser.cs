using Bascule.Extract.Profiles;
using Bascule.Extract.Records;
using Bascule.Extract.Values;

namespace Bascule.Extract.Reading;

/// <summary>Parses <c>ECRITURES.csv</c> records, in either debit/credit layout, and rejects exact duplicates.</summary>
internal sealed class LedgerLineParser(DebitCreditLayout layout, DuplicateDetector duplicates) : IRecordParser<LedgerLine>
{
    private const int Year = 0, Journal = 1, Document = 2, LineNo = 3, Date = 4, Account = 5, Article = 6, ServiceField = 7, ThirdParty
        = 8, Label = 9, Debit = 10, Credit = 11;
    private const int SignedAmount = 10, Side = 11;

    /// <summary>The position of EXERCICE among the ledger's canonical fields.</summary>
    public const int YearField = Year;

    public Parsed<LedgerLine> Parse(RowParser row)
    {
        if (!row.TryYear(Year, out var year)
            || !row.TryDate(Date, out var date)
            || !row.TryAccount(Account, out var account)
            || !row.TryArticle(Article, optional: true, out var article)
            || !row.TryService(ServiceField, out var service)
            || !row.TryThirdParty(ThirdParty, out var thirdParty)
            || !TryAmounts(row, out var debit, out var credit))
        {
            return row.Rejection<LedgerLine>();
        }

        var journal = row.CachedText(Journal);
        var document = row.Text(Document);
        var lineNumber = row.Text(LineNo);
        // A quoted journal or document keeps its spaces, but one of spaces only is as empty as none.
        if (string.IsNullOrWhiteSpace(journal) || string.IsNullOrWhiteSpace(document))
        {
            row.Fail(
                string.IsNullOrWhiteSpace(journal) ? Journal : Document,
                RejectReason.BadValue,
                "is empty: every ledger line belongs to a journal and a document.");
            return row.Rejection<LedgerLine>();
        }

        if (duplicates.IsRepeat(row.Reader.RawSpan))
        {
            row.Fail(null, RejectReason.DuplicateLine, $"exact duplicate of an earlier line: same JOURNAL {journal}, NUM_PIECE "
                + $"{document}, NUM_LIGNE {lineNumber} and same content.");
            return row.Rejection<LedgerLine>();
        }

        return Parsed<LedgerLine>.Ok(new LedgerLine(
            row.Reader.Lineage, year, journal, document, lineNumber, date, account, article, service, thirdParty, row.Text(
                Label), debit, credit) { RawText = row.Reader.RawText });
    }

    public (Amount Debit, Amount Credit) Totals(LedgerLine record) => (record.Debit, record.Credit);

    private bool TryAmounts(RowParser row, out Amount debit, out Amount credit)
    {
        if (layout.Kind == DebitCreditKind.TwoColumns)
        {
            credit = Amount.Zero;
            return row.TryAmount(Debit, out debit) && row.TryAmount(Credit, out credit);
        }

        debit = credit = Amount.Zero;
        if (!row.TryAmount(SignedAmount, out var amount))
        {
            return false;
        }

        // A negative amount stays on its side: SENS says the side, the sign is a correction on that side.
        var side = row[Side].Trim();
        if (side.Equals(layout.DebitCode, StringComparison.OrdinalIgnoreCase))
        {
            debit = amount;
            return true;
        }

        if (side.Equals(layout.CreditCode, StringComparison.OrdinalIgnoreCase))
        {
            credit = amount;
            return true;
        }

        return row.Fail(
            Side,
            RejectReason.BadValue,
            $"\"{side}\" is not a side: {layout.DebitCode} (debit) or {layout.CreditCode} (credit).");
    }
}
