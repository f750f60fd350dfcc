namespace Bascule.Reconcile.Model;

/// <summary>Check 3: one fiscal year and journal, source against staged, unmapped shown apart.</summary>
public sealed record JournalRow(
    int FiscalYear,
    string Journal,
    decimal SourceDebit,
    decimal SourceCredit,
    decimal StagedDebit,
    decimal StagedCredit,
    decimal UnmappedDebit,
    decimal UnmappedCredit)
{
    public decimal DebitDifference => StagedDebit + UnmappedDebit - SourceDebit;

    public decimal CreditDifference => StagedCredit + UnmappedCredit - SourceCredit;
}
