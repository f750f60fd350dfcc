namespace Bascule.Sample.Ledger;

/// <summary>
/// One kind of legacy document (a supplier invoice, a payroll, a bank statement line…): its journal, how often it
/// occurs, which line counts it can take, and how it fills them. Every document it composes balances.
/// </summary>
public abstract class DocumentKind
{
    public abstract string Journal { get; }

    /// <summary>Relative frequency in a year; zero when the entity has no such document or nothing to settle yet.</summary>
    public abstract int Weight(DocumentContext context);

    /// <summary>Whether a document of this kind can have exactly this many lines right now.</summary>
    public abstract bool Allows(int size, DocumentContext context);

    public abstract int PreferredSize(DocumentContext context);

    public abstract void Compose(DocumentContext context, DateOnly bookingDate, int size, List<LedgerEntry> lines);
}
