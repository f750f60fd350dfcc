namespace Bascule.Reconcile.Cutover.Model;

/// <summary>
/// One legacy account at the cut-over: its closing balance (net, debit − credit) in <c>BALANCE.csv</c> as loaded and as
/// recomputed from the ledger (staged source amounts and unmapped lines), and where its staged lines went in the new
/// structure: opening balances (classes 1-5), the result closed into the result account (6-7), off-balance (0, excluded).
/// </summary>
public sealed record LegacyClosingRow(
    string Account,
    string Label,
    decimal BalanceClosing,
    decimal LedgerClosing,
    decimal Carried,
    decimal ClosedToResult,
    decimal OffBalance,
    decimal Unmapped,
    long UnmappedLines)
{
    /// <summary>What the new structure holds for the account: opening balances, result and the excluded off-balance part.</summary>
    public decimal Mapped => Carried + ClosedToResult + OffBalance;

    /// <summary>Mapped − legacy closing: zero when nothing appeared or vanished on the way to the opening entry.</summary>
    public decimal Difference => Mapped - BalanceClosing;

    public bool LedgerAgrees => BalanceClosing == LedgerClosing;

    /// <summary>The difference is exactly the unmapped lines, which stay out of the package and are listed for action.</summary>
    public bool ExplainedByUnmapped => Difference != 0m && Difference == -Unmapped;
}
