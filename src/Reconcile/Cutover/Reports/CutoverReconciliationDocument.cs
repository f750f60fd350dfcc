using System.Globalization;
using Bascule.Reconcile.Cutover.Model;
using Bascule.Reconcile.Model;
using Bascule.Reconcile.Reports;
using Bascule.Reconcile.Reports.Json;

namespace Bascule.Reconcile.Cutover.Reports;

/// <summary>
/// <c>cutover-reconciliation.json</c>: the run reconciliation's field names where they mean the same (<c>runId</c>,
/// <c>entity</c>, <c>fiscalYear</c>, <c>mapping</c>, <c>checks</c>, <c>status</c>), then the package's own; amounts are
/// JSON numbers with two decimals.
/// </summary>
public sealed record CutoverReconciliationDocument(
    string RunId,
    string Entity,
    string EntityType,
    string InsCode,
    int FiscalYear,
    string? RunFingerprint,
    MappingDocument Mapping,
    string AsOf,
    string ResultAccount,
    DateTime ComputedUtc,
    CutoverTotalsDocument Totals,
    IReadOnlyList<CheckDocument> Checks,
    string Status,
    IReadOnlyList<OpeningBalanceDocument> OpeningBalances,
    IReadOnlyList<LegacyClosingDocument> LegacyAccounts,
    IReadOnlyList<OpenItemAccountDocument> OpenItemAccounts,
    IReadOnlyList<ControlAccountDocument> OpenItemControlAccounts,
    IReadOnlyList<CommitmentArticleDocument> OpenCommitmentArticles,
    IReadOnlyList<CommitmentDocument> OpenCommitments,
    IReadOnlyList<CommitmentDocument> OverCharged)
{
    public static CutoverReconciliationDocument From(CutoverResult result, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        var run = result.Run;
        return new(
            run.RunId.Value,
            run.Entity,
            run.EntityType,
            run.InsCode,
            run.FiscalYear.Value,
            run.Fingerprint,
            MappingDocument.From(run.Mapping, run.MappingApproval),
            result.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            result.ResultAccount,
            result.ComputedUtc,
            new CutoverTotalsDocument(
                result.OpeningBalances.Sum(b => b.Debit),
                result.OpeningBalances.Sum(b => b.Credit),
                result.ClosedResult,
                result.OffBalanceExcluded,
                result.OpenItems.Sum(i => i.Debit),
                result.OpenItems.Sum(i => i.Credit),
                result.CommitmentsCommitted,
                result.CommitmentsCharged,
                result.OpenCommitments.Sum(c => c.Open)),
            result.Checks.Select(CheckDocument.From).ToList(),
            result.Status.ToCode(),
            result.OpeningBalances.Select(b => new OpeningBalanceDocument(b.Account, b.Debit, b.Credit, b.ClosedResult)).ToList(),
            result.LegacyAccounts.Select(a => new LegacyClosingDocument(
                a.Account, a.BalanceClosing, a.LedgerClosing, a.Carried, a.ClosedToResult, a.OffBalance, a.Unmapped, a
                    .Difference)).ToList(),
            result.OpenItemAccounts.Select(
                a => new OpenItemAccountDocument(a.Account, a.Items, a.WithoutThirdParty, a.ItemsNet, a.Balance, a.Difference)).ToList(),
            result.ControlAccounts.Select(a => new ControlAccountDocument(
                a.LegacyAccount, a.Closing, a.NotCarried, a.Expected, a.Unmapped, a.Items, a.ItemsNet, a.Difference)).ToList(),
            result.CommitmentArticles.Select(a => new CommitmentArticleDocument(
                a.Article, a.Committed, a.Charged, a.Expected, a.Commitments, a.Carried, a.OverCharged, a.Difference)).ToList(),
            Commitments(result.OpenCommitments, result, options),
            Commitments(result.OverCharged, result, options));
    }

    private static List<CommitmentDocument> Commitments(
        IEnumerable<OpenCommitment> commitments,
        CutoverResult result,
        ReportOptions options) =>
        commitments.Select(c => new CommitmentDocument(
            c.Number, c.FiscalYear, c.LegacyArticle, c.Function, c.Economic, c.Mapping.ToCode(), c.ThirdParty,
            PersonalData.Mask(c.Label, result.Masker, options), c.Committed, c.Charged, c.Open)).ToList();
}

public sealed record CutoverTotalsDocument(
    decimal OpeningDebit, decimal OpeningCredit, decimal ClosedResult, decimal OffBalanceExcluded, decimal OpenItemsDebit,
    decimal OpenItemsCredit,
    decimal CommitmentsCommitted, decimal CommitmentsCharged, decimal OpenCommitments);

public sealed record OpeningBalanceDocument(string Account, decimal Debit, decimal Credit, decimal ClosedResult);

/// <summary>A legacy account's closing and where it went: <c>openingBalances</c> is what was carried.</summary>
public sealed record LegacyClosingDocument(
    string Account, decimal BalanceClosing, decimal LedgerClosing, decimal OpeningBalances,
        decimal ClosedResult, decimal OffBalanceExcluded,
    decimal Unmapped, decimal Difference);

public sealed record OpenItemAccountDocument(
    string Account,
    long Items,
    long WithoutThirdParty,
    decimal ItemsNet,
    decimal Balance,
    decimal Difference);

public sealed record ControlAccountDocument(
    string LegacyAccount, decimal BalanceClosing, decimal NotCarried, decimal Expected, decimal Unmapped, long Items, decimal ItemsNet,
    decimal Difference);

public sealed record CommitmentArticleDocument(
    string LegacyArticle, decimal Committed, decimal Charged, decimal Expected, long Commitments, decimal Carried, decimal OverCharged,
    decimal Difference);

public sealed record CommitmentDocument(
    string Commitment, int FiscalYear, string LegacyArticle, string? Function, string? Economic, string ArticleMapping, string? ThirdParty,
    string Label, decimal Committed, decimal Charged, decimal Open);
