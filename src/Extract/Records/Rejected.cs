namespace Bascule.Extract.Records;

/// <summary>
/// A damaged line: never dropped silently. <paramref name="Column"/> names the canonical field at fault
/// (null when the whole line is at fault), <paramref name="Reason"/> is a stable code, <paramref name="RawText"/>
/// the line exactly as read, kept for review.
/// </summary>
public sealed record Rejected(Lineage Lineage, string? Column, RejectReason Reason, string Message, string RawText);
