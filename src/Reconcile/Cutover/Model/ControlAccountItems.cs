namespace Bascule.Reconcile.Cutover.Model;

/// <summary>
/// The open items of one legacy control account (receivables 40, 41; payables 44, 45) against that account's closing
/// in <c>BALANCE.csv</c>: the legacy software's own figure, which nothing in the migration computed, so that an item
/// lost or added on the way shows. Net amounts are debit − credit.
/// </summary>
/// <param name="Closing">The closing balance of <c>BALANCE.csv</c> as loaded.</param>
/// <param name="NotCarried">The part of the account's lines the mapping sends off-balance (class 0) or into the result:
/// by design not an opening item, and shown in the legacy closing table.</param>
/// <param name="Unmapped">The account's unmapped lines, which stay out of the package and are listed for action.</param>
public sealed record ControlAccountItems(
    string LegacyAccount,
    string Label,
    decimal Closing,
    decimal NotCarried,
    decimal Unmapped,
    long Items,
    decimal ItemsNet)
{
    /// <summary>What the open items must add up to: the legacy closing, less what the mapping deliberately does not carry.</summary>
    public decimal Expected => Closing - NotCarried;

    public decimal Difference => ItemsNet - Expected;

    /// <summary>The difference is exactly the unmapped lines: a WARNING, as for the opening balances.</summary>
    public bool ExplainedByUnmapped => Difference != 0m && Difference == -Unmapped;
}
