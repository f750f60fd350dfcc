namespace Bascule.Reconcile.Staging;

/// <summary>The grain of the ledger figures: fiscal year, journal, legacy account and budget article (null when the line has
/// none).</summary>
internal readonly record struct LedgerKey(int Year, string Journal, string Account, string? Article);

