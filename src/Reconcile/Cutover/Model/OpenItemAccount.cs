namespace Bascule.Reconcile.Cutover.Model;

/// <summary>The open items of one new receivable or payable account against that account's opening balance.</summary>
public sealed record OpenItemAccount(string Account, long Items, long WithoutThirdParty, decimal ItemsNet, decimal Balance)
{
    public decimal Difference => ItemsNet - Balance;
}
