namespace Bascule.Load.Reconciliation;

/// <summary>
/// <c>reconciliation.json</c>: what came in against what was staged, computed from the staging database and the
/// control file. Field names are stable (camelCase in JSON); amounts are euros with two decimals.
/// </summary>
public sealed record ReconciliationReport(
    string RunId,
    string Entity,
    string EntityType,
    string InsCode,
    int FiscalYear,
    MappingReference Mapping,
    IReadOnlyList<SourceFileReport> SourceFiles,
    ReconciliationTotals Totals,
    IReadOnlyList<TargetAccountTotal> TargetAccounts,
    IReadOnlyList<ReconciliationCheck> Checks,
    CheckStatus Status);

public sealed record MappingReference(string Id, string Version, string Sha256);

/// <summary>One source file: lines read, where each ended (staged, unmapped, rejected), and its accepted debit and credit (null for files without amounts).</summary>
public sealed record SourceFileReport(string Name, string Sha256, long Lines, long Staged, long Unmapped, long Rejected, decimal? Debit, decimal? Credit);

/// <summary>Ledger totals. Rejected amounts are null: a damaged line's amount may not be readable at all.</summary>
public sealed record ReconciliationTotals(
    decimal SourceDebit,
    decimal SourceCredit,
    decimal StagedDebit,
    decimal StagedCredit,
    decimal UnmappedDebit,
    decimal UnmappedCredit,
    decimal? RejectedDebit,
    decimal? RejectedCredit);

public sealed record TargetAccountTotal(string Account, decimal Debit, decimal Credit);

/// <summary>One check; <paramref name="Unit"/> is <c>EUR</c>, <c>lines</c>, <c>accounts</c> or <c>documents</c>, telling how to read the numbers.</summary>
public sealed record ReconciliationCheck(string Name, CheckStatus Status, decimal Expected, decimal Found, decimal Difference, string Unit);
