namespace Bascule.Reconcile.Model;

/// <summary>Debit and credit that flowed between a legacy account and a new account.</summary>
public sealed record AccountFlow(string Account, DebitCredit Amounts);
