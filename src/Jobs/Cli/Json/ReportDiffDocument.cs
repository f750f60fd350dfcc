namespace Bascule.Jobs.Cli.Json;

/// <summary>
/// <c>bascule report diff RUN_A RUN_B --format json</c>: the entity and year, both runs, the target accounts whose
/// staged totals changed (B − A) and why they may have: the mapping, and the source files whose SHA-256 differ.
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
    DiffWhyJson Why);

/// <summary>One of the two runs compared.</summary>
public sealed record DiffRunJson(string RunId, string Status, MappingJson Mapping, string? Fingerprint);

/// <summary>A target account whose staged totals differ between the runs.</summary>
public sealed record AccountChangeJson(
    string Account, decimal DebitA, decimal DebitB, decimal DebitChange, decimal CreditA, decimal CreditB, decimal CreditChange, decimal NetChange);

/// <summary>Why the runs may differ: another mapping (version or hash), and the source files that differ (null where a run did not record one).</summary>
public sealed record DiffWhyJson(bool MappingChanged, IReadOnlyList<SourceFileChangeJson> Files);

/// <summary>A source file whose SHA-256 differs between the runs.</summary>
public sealed record SourceFileChangeJson(string Name, string? Sha256A, string? Sha256B);
