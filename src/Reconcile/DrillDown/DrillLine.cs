namespace Bascule.Reconcile.DrillDown;

/// <summary>How a line ended in the run: staged on a new account (one part of a split), kept unmapped, or rejected.</summary>
public enum LineState
{
    Staged,
    Unmapped,
    Rejected,
}

/// <summary>
/// One line of a drill-down list, as a reader may see it (personal data already masked unless the reader has that right).
/// <see cref="Line"/> is the physical line of <see cref="SourceFile"/> (its header is line 1); <see cref="Text"/> is the
/// line's raw text, the record as it stands in the file (a split line's on each of its parts); for a staged or unmapped
/// line of a run loaded before the staging database kept it (<see cref="RawTextKept"/> false), its fields as they were
/// read and stored (see <see cref="LineFields"/>). <see cref="Debit"/> and <see cref="Credit"/> are what this row carries (a staged part, or
/// the unmapped line's amount); <see cref="SourceDebit"/> and <see cref="SourceCredit"/> the whole source line's amount.
/// A rejected line has no amounts and no rule.
/// </summary>
public sealed record DrillLine(
    LineKey Key,
    LineState State,
    long Line,
    string Text,
    string? Journal,
    string? Document,
    string? Account,
    string? Article,
    string? Label,
    string? RuleId,
    string? Justification,
    string? TargetAccount,
    string? TargetEconomic,
    string? TargetFunction,
    decimal? SourceDebit,
    decimal? SourceCredit,
    decimal? Debit,
    decimal? Credit,
    string? Reason)
{
    public string SourceFile => Key.SourceFile;

    /// <summary>False when <see cref="Text"/> is the line rebuilt from its fields: its run was loaded before raw text was kept.
    /// </summary>
    public bool RawTextKept { get; init; } = true;
}

/// <summary>One page of a list: its lines in key order, and the key to start the next page after (null on the last page).</summary>
public sealed record DrillPage(IReadOnlyList<DrillLine> Lines, LineKey? Next);
