using Bascule.Sample.Catalog;
using Bascule.Sample.Ledger.Documents;

namespace Bascule.Sample.Ledger;

/// <summary>
/// Streams a year of documents into ECRITURES.csv: the opening on 1 January, then documents of every kind, dated
/// through the year as the line count progresses, sized so that the file holds exactly the requested number of lines.
/// A year that follows <paramref name="previous"/> opens with its closing balances and first settles its open items.
/// </summary>
public sealed class LedgerGenerator(DocumentContext context, IReadOnlyList<CatalogAccount> accounts, YearClosing? previous = null)
{
    // Kinds keep state of their own (the payroll remembers which months are paid): a fresh set per export.
    private readonly DocumentKind[] _kinds =
    [
        new PurchaseDocument(), new InvestmentDocument(), new TransferDocument(), new SocialAidDocument(),
        new PersonRevenueDocument(), new AuthorityRevenueDocument(), new CapitalSubsidyDocument(), new LoanDocument(),
        new DebtDocument(), new PayrollDocument(), new CorrectionDocument(), new PaymentDocument(), new ReceiptDocument(),
    ];

    // Purchases take two to six lines, so any remainder of two or more can be filled exactly.
    private DocumentKind Filler => _kinds[0];

    /// <summary>The fewest ledger lines an export can have: the opening plus one two-line document.</summary>
    public static int MinimumLines(IReadOnlyList<CatalogAccount> accounts) => OpeningDocument.LineCount(accounts) + 2;

    /// <summary>
    /// The fewest ledger lines every year of a history can have: whatever balances a year carries, its opening has
    /// at most one line per balance-sheet account, and one two-line document follows.
    /// </summary>
    public static int MinimumLinesOfHistory(IReadOnlyList<CatalogAccount> accounts) =>
        Math.Max(MinimumLines(accounts), OpeningDocument.MaximumCarriedLineCount(accounts) + 2);

    public void Write(LedgerFileWriter writer, long lineCount)
    {
        var lines = new List<LedgerEntry>(16);
        var firstDay = new DateOnly(context.Year.Value, 1, 1);
        var days = DateTime.IsLeapYear(context.Year.Value) ? 366 : 365;
        if (previous is null)
        {
            OpeningDocument.Compose(context, accounts, lines);
        }
        else
        {
            OpeningDocument.ComposeCarried(context, accounts, previous, lines);
            TakeOverOpenItems(previous);
        }

        writer.Write(LedgerFileWriter.OpeningJournal, firstDay, lines);
        var written = (long)lines.Count;
        var weights = new int[_kinds.Length];
        while (written < lineCount)
        {
            var remaining = lineCount - written;
            var date = firstDay.AddDays((int)(written * days / lineCount));
            context.Today = date;
            var (kind, size) = Choose(remaining, weights);
            lines.Clear();
            kind.Compose(context, date, size, lines);
            writer.Write(kind.Journal, date, lines);
            written += size;
        }
    }

    // The previous year's unpaid invoices and uncollected receivables are the first the bank journal settles.
    private void TakeOverOpenItems(YearClosing closing)
    {
        foreach (var item in closing.Payables)
        {
            context.Payables.Add(item);
        }

        foreach (var item in closing.Receivables)
        {
            context.Receivables.Add(item);
        }
    }

    private (DocumentKind Kind, int Size) Choose(long remaining, int[] weights)
    {
        var total = 0;
        for (var i = 0; i < _kinds.Length; i++)
        {
            weights[i] = _kinds[i].Weight(context);
            total += weights[i];
        }

        var draw = context.Random.Next(total);
        var chosen = 0;
        while (draw >= weights[chosen])
        {
            draw -= weights[chosen];
            chosen++;
        }

        var kind = _kinds[chosen];
        var preferred = kind.PreferredSize(context);
        if (Fits(kind, preferred, remaining))
        {
            return (kind, preferred);
        }

        for (var size = 8; size >= 2; size--)
        {
            if (Fits(kind, size, remaining))
            {
                return (kind, size);
            }
        }

        return (Filler, Fits(Filler, 2, remaining) ? 2 : 3);
    }

    // A document never leaves exactly one line to fill, which no document could take.
    private bool Fits(DocumentKind kind, int size, long remaining) =>
        kind.Allows(size, context) && size <= remaining && remaining - size != 1;
}
