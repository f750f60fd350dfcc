namespace Bascule.Reconcile.Model;

/// <summary>Check 5: a legacy account's source total against the target lines it produced (splits included) and its unmapped
/// lines.</summary>
public sealed record LegacyAccountRow(
    string Account,
    DebitCredit Source,
    DebitCredit Staged,
    DebitCredit Unmapped,
    IReadOnlyList<AccountFlow> Targets)
{
    public decimal DebitDifference => Staged.Debit + Unmapped.Debit - Source.Debit;

    public decimal CreditDifference => Staged.Credit + Unmapped.Credit - Source.Credit;
}
