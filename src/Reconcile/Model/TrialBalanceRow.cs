namespace Bascule.Reconcile.Model;

/// <summary>
/// Check 7: one account of <c>BALANCE.csv</c> (as loaded) against the ledger recomputed for it. Opening and closing
/// are net (debit − credit).
/// </summary>
public sealed record TrialBalanceRow(
    string Account,
    string Label,
    decimal BalanceOpening,
    decimal LedgerOpening,
    decimal BalanceMovementDebit,
    decimal LedgerMovementDebit,
    decimal BalanceMovementCredit,
    decimal LedgerMovementCredit,
    decimal BalanceClosing,
    decimal LedgerClosing)
{
    public decimal Difference => LedgerClosing - BalanceClosing;

    public bool Agrees =>
        BalanceOpening == LedgerOpening && BalanceMovementDebit == LedgerMovementDebit && BalanceMovementCredit == LedgerMovementCredit
        && BalanceClosing == LedgerClosing;
}
