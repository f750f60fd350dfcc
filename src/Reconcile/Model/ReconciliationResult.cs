namespace Bascule.Reconcile.Model;

/// <summary>
/// A run's reconciliation: the nine checks of the spec and the tables behind them, computed from the staging database
/// and, where given, the source files. <see cref="LedgerSource"/> says where the source ledger figures came from.
/// </summary>
public sealed record ReconciliationResult(
    RunSummary Run,
    string LedgerSource,
    IReadOnlyList<SourceFileResult> SourceFiles,
    Totals Totals,
    IReadOnlyList<LegacyAccountRow> LegacyAccounts,
    IReadOnlyList<TargetAccountRow> TargetAccounts,
    IReadOnlyList<JournalRow> Journals,
    IReadOnlyList<ArticleRow> Articles,
    IReadOnlyList<TrialBalanceRow> TrialBalance,
    IReadOnlyList<UnmappedRow> Unmapped,
    IReadOnlyList<RejectedLineRow> Rejected,
    IReadOnlyList<UnbalancedDocumentRow> UnbalancedDocuments,
    IReadOnlyList<CheckResult> Checks,
    IReadOnlySet<string> ThirdPartyFiles,
    DateTime ComputedUtc)
{
    public Verdict Status => Checks.Select(c => c.Status).Worst();

    public CheckResult Check(string name) =>
        Checks.SingleOrDefault(c => c.Name == name) ?? throw new KeyNotFoundException($"No check named '{name}' in the reconciliation of run {Run.RunId}.");
}
