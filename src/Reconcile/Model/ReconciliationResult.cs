using Bascule.Extract.Privacy;
using Bascule.Load.Runs.SignOffs;

namespace Bascule.Reconcile.Model;

/// <summary>
/// A run's reconciliation: the ten checks of the spec and the tables behind them, computed from the staging database
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

    /// <summary>Masks the run's third parties' names and IBANs in the free text the reports show (labels, rejected lines).</summary>
    public PersonalDataMasker Masker { get; init; } = PersonalDataMasker.Empty;

    /// <summary>Check 10: the run against the published runs of the year before and after (unchecked pairs say which year is
    /// missing).</summary>
    public IReadOnlyList<ContinuityPair> Continuity { get; init; } = [];

    /// <summary>The run's sign-offs recorded so far, oldest first: every report lists them.</summary>
    public IReadOnlyList<SignOff> SignOffs { get; init; } = [];

    public CheckResult Check(string name) =>
        Checks.SingleOrDefault(c => c.Name == name)
            ?? throw new KeyNotFoundException($"No check named '{name}' in the reconciliation of run {Run.RunId}.");
}
