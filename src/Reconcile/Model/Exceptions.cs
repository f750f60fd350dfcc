namespace Bascule.Reconcile.Model;

/// <summary>Check 9: the unmapped lines of one legacy account and budget article.</summary>
public sealed record UnmappedRow(string Account, string? Article, long Count, DebitCredit Amounts);

/// <summary>Check 9: one rejected line, with the column at fault, the reason code, the message and the raw text as read.</summary>
public sealed record RejectedLineRow(string File, long Line, string? Column, string Reason, string Message, string RawText);

/// <summary>
/// Check 4 and 9: a document whose staged lines do not balance. <see cref="ExplainedByUnmapped"/> when its unmapped lines
/// make up the difference.
/// </summary>
public sealed record UnbalancedDocumentRow(int FiscalYear, string Journal, string Document, DebitCredit Staged, DebitCredit Unmapped)
{
    public decimal Difference => Staged.Net;

    public bool ExplainedByUnmapped => (Staged + Unmapped).Net == 0m;
}
