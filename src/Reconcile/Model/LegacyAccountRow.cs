namespace Bascule.Reconcile.Model;

/// <summary>Check 5: a legacy account's source total against the target lines it produced (splits included) and its unmapped lines.</summary>
public sealed record LegacyAccountRow(
    string Account,
    decimal SourceDebit,
    decimal SourceCredit,
    decimal StagedDebit,
    decimal StagedCredit,
    decimal UnmappedDebit,
    decimal UnmappedCredit,
    IReadOnlyList<AccountFlow> Targets)
{
    public decimal DebitDifference => StagedDebit + UnmappedDebit - SourceDebit;

    public decimal CreditDifference => StagedCredit + UnmappedCredit - SourceCredit;
}
