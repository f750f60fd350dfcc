namespace Bascule.Reconcile.Cutover.Model;

/// <summary>
/// One line of the opening entry: a new balance-sheet account and its balance (debit − credit). On the result account,
/// <paramref name="ClosedResult"/> is the part of the balance that comes from closing classes 6 and 7.
/// </summary>
public sealed record OpeningBalance(string Account, decimal Net, decimal ClosedResult)
{
    public decimal Debit => Net > 0m ? Net : 0m;

    public decimal Credit => Net < 0m ? -Net : 0m;
}
