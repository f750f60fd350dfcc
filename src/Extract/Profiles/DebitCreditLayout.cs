namespace Bascule.Extract.Profiles;

/// <summary>The debit/credit layout of the ledger file and, for the amount-and-side layout, the side codes.</summary>
public sealed record DebitCreditLayout(DebitCreditKind Kind, string DebitCode = "D", string CreditCode = "C")
{
    public static readonly DebitCreditLayout TwoColumns = new(DebitCreditKind.TwoColumns);
}
