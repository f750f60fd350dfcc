namespace Bascule.Reconcile.Model;

/// <summary>Check 6: a new account's staged total, with the legacy accounts that feed it.</summary>
public sealed record TargetAccountRow(string Account, DebitCredit Amounts, IReadOnlyList<AccountFlow> Feeds);
