namespace Bascule.Reconcile.Staging;

/// <summary>The grain of the ledger figures: fiscal year, journal, legacy account and budget article (null when the line has none).</summary>
internal readonly record struct LedgerKey(int Year, string Journal, string Account, string? Article);

/// <summary>Debit and credit summed at one grain.</summary>
internal readonly record struct Sides(decimal Debit, decimal Credit)
{
    public decimal Net => Debit - Credit;

    public static Sides operator +(Sides a, Sides b) => new(a.Debit + b.Debit, a.Credit + b.Credit);
}
