using Bascule.Extract.Values;

namespace Bascule.Extract.Documents;

/// <summary>One document (<c>JOURNAL</c> + <c>NUM_PIECE</c>) whose debits and credits differ, with the first line it starts on.</summary>
public sealed record DocumentBalance(string Journal, string DocumentNumber, long FirstLine, int Lines, Amount Debit, Amount Credit)
{
    /// <summary>Debit minus credit: what would have to be booked on the credit side to balance it.</summary>
    public Amount Difference => Debit - Credit;
}
