namespace Bascule.Reconcile.Cutover;

/// <summary>Where a new general account's balance goes at the cut-over, by its class (first digit).</summary>
public enum AccountClass
{
    /// <summary>Classes 1 to 5: equity, fixed assets, third parties, cash: carried over as an opening balance.</summary>
    BalanceSheet,

    /// <summary>Classes 6 and 7: charges and income, closed into the result account.</summary>
    Result,

    /// <summary>Class 0 (off-balance commitments and guarantees) or anything else: not part of the opening entry.</summary>
    OffBalance,
}

public static class AccountClasses
{
    public static AccountClass Of(string account) => account.Length == 0 ? AccountClass.OffBalance : account[0] switch
    {
        >= '1' and <= '5' => AccountClass.BalanceSheet,
        '6' or '7' => AccountClass.Result,
        _ => AccountClass.OffBalance,
    };
}
