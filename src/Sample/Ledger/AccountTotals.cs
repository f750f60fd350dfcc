namespace Bascule.Sample.Ledger;

/// <summary>What one general account received, in cents: its opening (journal OUV) and its movements (every other journal).</summary>
public sealed class AccountTotals
{
    public long OpeningDebit { get; set; }

    public long OpeningCredit { get; set; }

    public long MovementDebit { get; set; }

    public long MovementCredit { get; set; }

    /// <summary>Closing balance: positive on the debit side, negative on the credit side.</summary>
    public long Closing => OpeningDebit + MovementDebit - OpeningCredit - MovementCredit;
}
