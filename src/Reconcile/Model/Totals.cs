namespace Bascule.Reconcile.Model;

/// <summary>
/// Ledger totals of a run. Source = every accepted ledger line; staged = the target lines; unmapped = the accepted lines
/// no rule matched. A rejected line's amount may be unreadable, so the rejected totals are what the control file's totals
/// leave unexplained by the accepted lines (zero when nothing was rejected).
/// </summary>
public sealed record Totals(DebitCredit Source, DebitCredit Staged, DebitCredit Unmapped, DebitCredit Rejected);
