namespace Bascule.Reconcile.Model;

/// <summary>
/// Check 7: one account of <c>BALANCE.csv</c> (as loaded, <paramref name="Balance"/>) against the ledger recomputed for
/// it (<paramref name="Ledger"/>).
/// </summary>
public sealed record TrialBalanceRow(string Account, string Label, TrialBalanceFigures Balance, TrialBalanceFigures Ledger)
{
    public decimal Difference => Ledger.Closing - Balance.Closing;

    public bool Agrees => Balance == Ledger;
}

/// <summary>One side of a trial balance row: opening and closing net (debit − credit), the movements per side.</summary>
public readonly record struct TrialBalanceFigures(decimal Opening, DebitCredit Movements, decimal Closing);
