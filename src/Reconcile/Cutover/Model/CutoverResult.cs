using Bascule.Extract.Privacy;
using Bascule.Reconcile.Model;

namespace Bascule.Reconcile.Cutover.Model;

/// <summary>
/// The opening position of the first new year, computed from a published run, and its reconciliation to the legacy
/// closing: opening balances, open items, open commitments, and the checks (numbers 1 to 3, one per data set).
/// </summary>
public sealed record CutoverResult(
    RunSummary Run,
    DateOnly AsOf,
    string ResultAccount,
    IReadOnlyList<OpeningBalance> OpeningBalances,
    IReadOnlyList<LegacyClosingRow> LegacyAccounts,
    IReadOnlyList<OpenItem> OpenItems,
    IReadOnlyList<OpenItemAccount> OpenItemAccounts,
    IReadOnlyList<OpenCommitment> OpenCommitments,
    IReadOnlyList<OpenCommitment> OverCharged,
    decimal CommitmentsCommitted,
    decimal CommitmentsCharged,
    IReadOnlyList<CheckResult> Checks,
    DateTime ComputedUtc)
{
    public Verdict Status => Checks.Select(c => c.Status).Worst();

    /// <summary>Masks the run's third parties' names and IBANs in the labels the package shows.</summary>
    public PersonalDataMasker Masker { get; init; } = PersonalDataMasker.Empty;

    /// <summary>Per legacy control account, its open items against its closing in <c>BALANCE.csv</c>.</summary>
    public IReadOnlyList<ControlAccountItems> ControlAccounts { get; init; } = [];

    /// <summary>Per budget article, the open commitments carried against ENGAGE − IMPUTE of <c>ARTICLES.csv</c>.</summary>
    public IReadOnlyList<ArticleCommitments> CommitmentArticles { get; init; } = [];

    public decimal ClosedResult => OpeningBalances.Sum(b => b.ClosedResult);

    public decimal OffBalanceExcluded => LegacyAccounts.Sum(a => a.OffBalance);

    public CheckResult Check(string name) =>
        Checks.SingleOrDefault(c => c.Name == name)
            ?? throw new KeyNotFoundException($"No check named '{name}' in the cut-over of run {Run.RunId}.");
}
