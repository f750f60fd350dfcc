namespace Bascule.Reconcile.Cutover.Model;

/// <summary>
/// A document left open at year end on a receivable or payable account, for one third party (null: the lines carry
/// none, such as the legacy opening entry). <paramref name="Net"/> is debit − credit on the new account.
/// </summary>
public sealed record OpenItem(
    string Account,
    string LegacyAccount,
    string? ThirdParty,
    string? ThirdPartyName,
    string Journal,
    string Document,
    DateOnly Date,
    decimal Net)
{
    public decimal Debit => Net > 0m ? Net : 0m;

    public decimal Credit => Net < 0m ? -Net : 0m;
}
