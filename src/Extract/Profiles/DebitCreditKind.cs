namespace Bascule.Extract.Profiles;

/// <summary>How a ledger file gives the side of an amount.</summary>
public enum DebitCreditKind
{
    /// <summary>Two columns <c>DEBIT</c> and <c>CREDIT</c> (the spec).</summary>
    TwoColumns,

    /// <summary>One amount column <c>MONTANT</c> and a side column <c>SENS</c> holding the debit or credit code.</summary>
    AmountAndSide,
}
