namespace Bascule.Jobs.Cli.Json;

/// <summary>
/// <c>bascule report diff RUN_A RUN_B --format json</c>: the entity and year, both runs, the target accounts whose
/// staged totals changed (B − A), the lines left unmapped in each run and per legacy account and article those that
/// became mapped or unmapped, and why they may have changed: the mapping, and the source files whose SHA-256 differ.
/// <see cref="Changed"/> is true when a target account or the unmapped lines differ.
/// </summary>
public sealed record ReportDiffDocument(
    string Entity,
    string EntityType,
    string InsCode,
    int FiscalYear,
    DiffRunJson RunA,
    DiffRunJson RunB,
    bool Changed,
    int AccountsCompared,
    IReadOnlyList<AccountChangeJson> Accounts,
    UnmappedDiffJson Unmapped,
    DiffWhyJson Why);

/// <summary>The source lines each run left unmapped, and the legacy accounts and articles where they differ.</summary>
public sealed record UnmappedDiffJson(UnmappedTotalsJson RunA, UnmappedTotalsJson RunB, IReadOnlyList<UnmappedChangeJson> Changes);

/// <summary>How many source lines a run left unmapped, and their source amounts.</summary>
public sealed record UnmappedTotalsJson(long Lines, decimal Debit, decimal Credit);

/// <summary>
/// One legacy account and article (null: lines without one) whose unmapped lines differ: <c>became</c> is
/// <c>mapped</c> (unmapped in A only), <c>unmapped</c> (in B only) or <c>changed</c>; changes are B − A.
/// </summary>
public sealed record UnmappedChangeJson(
    string Account, string? Article, string Became, long LinesA, long LinesB, decimal DebitA, decimal DebitB, decimal DebitChange,
    decimal CreditA, decimal CreditB, decimal CreditChange);

/// <summary>One of the two runs compared.</summary>
public sealed record DiffRunJson(string RunId, string Status, MappingJson Mapping, string? Fingerprint);

/// <summary>A target account whose staged totals differ between the runs.</summary>
public sealed record AccountChangeJson(
    string Account, decimal DebitA, decimal DebitB, decimal DebitChange, decimal CreditA, decimal CreditB, decimal CreditChange,
    decimal NetChange);

/// <summary>Why the runs may differ: another mapping (version or hash), and the source files that differ (null where a run did not record
/// one).</summary>
public sealed record DiffWhyJson(bool MappingChanged, IReadOnlyList<SourceFileChangeJson> Files);

/// <summary>A source file whose SHA-256 differs between the runs.</summary>
public sealed record SourceFileChangeJson(string Name, string? Sha256A, string? Sha256B);
