namespace Bascule.Reconcile.DrillDown;

/// <summary>
/// The lines behind a check's difference, by the check's technical key (<c>legacyAccounts:6110000:debit</c>):
/// <list type="bullet">
/// <item>completeness and control totals of a file: the file's lines that were not staged, its unmapped and rejected
/// lines (a line missing from the database altogether has no row to show: the difference in counts says how many);</item>
/// <item>amounts of a fiscal year and journal: the journal's lines;</item>
/// <item>a legacy account, and the trial balance of an account: the account's lines (staged and unmapped);</item>
/// <item>the balance: the lines of the documents whose staged lines do not balance;</item>
/// <item>the unmapped lines and euros, the rejected lines: those lists.</item>
/// </list>
/// The totals of the new accounts and the budget articles compare sums that no single list explains (their per-account
/// and per-article lists are the drill-down): those checks have none, nor has a file's SHA-256.
/// </summary>
public static class CheckLines
{
    public static LineList? Of(string check)
    {
        var parts = (check ?? "").Split(':');
        return parts switch
        {
            ["completeness", { Length: > 0 } file, var measure] when measure != "sha256" => LineList.FileExceptions(file),
            ["controlTotals", { Length: > 0 } file, _] => LineList.FileExceptions(file),
            ["amounts", _, { Length: > 0 } journal, _] => LineList.Journal(journal),
            ["legacyAccounts" or "trialBalance", { Length: > 0 } account, _] => LineList.LegacyAccount(account),
            ["balance", _] => LineList.UnbalancedDocuments,
            ["exceptions", "unmappedLines" or "unmappedDebit" or "unmappedCredit"] => LineList.Unmapped,
            ["exceptions", "rejectedLines"] => LineList.Rejected,
            _ => null,
        };
    }
}
