namespace Bascule.Reconcile.Model;

/// <summary>Check 3: one fiscal year and journal, source against staged, unmapped shown apart.</summary>
public sealed record JournalRow(int FiscalYear, string Journal, DebitCredit Source, DebitCredit Staged, DebitCredit Unmapped)
{
    public decimal DebitDifference => Staged.Debit + Unmapped.Debit - Source.Debit;

    public decimal CreditDifference => Staged.Credit + Unmapped.Credit - Source.Credit;
}
