namespace Bascule.Jobs.Cli.Json;

/// <summary>
/// <c>bascule extract --format json</c>: what <c>EXPORT.txt</c> says (null when it could not be read), each file read
/// against it, the first rejected lines, the file-level faults and the verdict: <c>OK</c>, <c>WARNING</c> (lines
/// rejected, every count and total agrees), <c>FAILED</c> (a count or total disagrees: exit 2) or <c>FAULT</c> (a
/// file-level fault: exit 1).
/// </summary>
public sealed record ExtractDocument(
    string Export,
    string? Profile,
    ExtractControlJson? Control,
    IReadOnlyList<ExtractFileJson> Files,
    IReadOnlyList<ExtractRejectJson> Rejects,
    IReadOnlyList<ExtractFaultJson> Faults,
    string Verdict);

/// <summary>Who exported what, for which year, as <c>EXPORT.txt</c> says.</summary>
public sealed record ExtractControlJson(
    string Entity,
    string EntityType,
    string InsCode,
    int FiscalYear,
    DateTime Exported,
    string Software);

/// <summary>
/// One data file: its records (accepted and rejected, by reason), the totals of the accepted records, what
/// <c>EXPORT.txt</c> announced, the differences (read minus announced) and whether everything agrees. Totals and
/// differences are null for the files <c>EXPORT.txt</c> gives no totals for.
/// </summary>
public sealed record ExtractFileJson(
    string Name,
    string Encoding,
    bool Complete,
    long Records,
    long Accepted,
    long Rejected,
    IReadOnlyDictionary<string, long> RejectedByReason,
    decimal? Debit,
    decimal? Credit,
    ExtractExpectedJson Expected,
    decimal? DebitDifference,
    decimal? CreditDifference,
    bool CountAgrees,
    bool TotalsAgree,
    bool Agrees);

/// <summary>What <c>EXPORT.txt</c> announced for a file.</summary>
public sealed record ExtractExpectedJson(long Records, decimal? Debit, decimal? Credit);

/// <summary>A rejected line: where (file, physical line, record), the column at fault, the stable reason code and the message.</summary>
public sealed record ExtractRejectJson(string File, long Line, long Record, string? Column, string Reason, string Message);

/// <summary>A file-level fault: the export cannot be migrated until it is fixed.</summary>
public sealed record ExtractFaultJson(string File, long? Line, string? Column, string Message);
