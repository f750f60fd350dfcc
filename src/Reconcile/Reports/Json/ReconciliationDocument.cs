using Bascule.Load.Runs;
using Bascule.Load.Runs.SignOffs;
using Bascule.Reconcile.Model;
using Bascule.Reconcile.Reports.Tables;

namespace Bascule.Reconcile.Reports.Json;

/// <summary>
/// <c>reconciliation.json</c>: the spec's stable field names (<c>runId</c>, <c>entity</c>, <c>fiscalYear</c>,
/// <c>mapping</c>, <c>sourceFiles</c>, <c>totals</c>, <c>targetAccounts</c>, <c>checks</c>, <c>status</c>) and the
/// per-table details after them, in this order; amounts are JSON numbers with two decimals. <c>personalDataShown</c>
/// says whether this folder's reports show third parties' names and IBANs (they were written with
/// <c>Reports:ShowPersonalData</c>): <c>serve</c> hands them as written only to readers with that right. It is always
/// written, false included: a file without it comes from an older version, which did not record it, so may show them.
/// </summary>
public sealed record ReconciliationDocument(
    string RunId,
    string Entity,
    string EntityType,
    string InsCode,
    int FiscalYear,
    string RunStatus,
    string? Fingerprint,
    MappingDocument Mapping,
    string LedgerSource,
    DateTime ComputedUtc,
    IReadOnlyList<SourceFileDocument> SourceFiles,
    TotalsDocument Totals,
    IReadOnlyList<TargetAccountDocument> TargetAccounts,
    IReadOnlyList<CheckDocument> Checks,
    string Status,
    IReadOnlyList<LegacyAccountDocument> LegacyAccounts,
    IReadOnlyList<JournalDocument> Journals,
    IReadOnlyList<TrialBalanceDocument> TrialBalance,
    IReadOnlyList<BudgetArticleDocument> BudgetArticles,
    ExceptionsDocument Exceptions,
    IReadOnlyList<ContinuityDocument> Continuity,
    IReadOnlyList<SignOffDocument> SignOffs,
    bool PersonalDataShown = false)
{
    /// <summary>The document of <paramref name="r"/>; labels and rejected lines masked as <paramref name="options"/> say.</summary>
    public static ReconciliationDocument From(ReconciliationResult r, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(r);
        var run = r.Run;
        var t = r.Totals;
        return new(
            run.RunId.Value,
            run.Entity,
            run.EntityType,
            run.InsCode,
            run.FiscalYear.Value,
            run.RunStatus.ToCode(),
            run.Fingerprint,
            MappingDocument.From(run.Mapping, run.MappingApproval),
            r.LedgerSource,
            r.ComputedUtc,
            r.SourceFiles.Select(f => new SourceFileDocument(
                f.Name, f.Sha256, f.Lines, f.Staged, f.Unmapped, f.Rejected, f.Amounts?.Debit, f.Amounts?.Credit, f.ControlLines, f
                    .ControlDebit?
                    .Value, f.ControlCredit?.Value)).ToList(),
            new TotalsDocument(
                t.Source.Debit, t.Source.Credit, t.Staged.Debit, t.Staged.Credit, t.Unmapped.Debit, t.Unmapped.Credit, t.Rejected.Debit, t
                    .Rejected
                    .Credit),
            r.TargetAccounts.Select(a => new TargetAccountDocument(a.Account, a.Amounts.Debit, a.Amounts.Credit, Flows(a.Feeds))).ToList(),
            r.Checks.Select(CheckDocument.From).ToList(),
            r.Status.ToCode(),
            r.LegacyAccounts.Select(a => new LegacyAccountDocument(
                a.Account, a.Source.Debit, a.Source.Credit, a.Staged.Debit, a.Staged.Credit, a.Unmapped.Debit, a.Unmapped
                    .Credit, Flows(a.Targets))).ToList(),
            r.Journals.Select(j => new JournalDocument(
                j.FiscalYear, j.Journal, j.Source.Debit, j.Source.Credit, j.Staged.Debit, j.Staged.Credit, j.Unmapped.Debit, j.Unmapped
                    .Credit)).ToList(),
            r.TrialBalance.Select(b => new TrialBalanceDocument(
                b.Account, ReportTables.Mask(r, b.Label, options),
                b.Balance.Opening, b.Ledger.Opening, b.Balance.Movements.Debit, b.Ledger.Movements.Debit,
                b.Balance.Movements.Credit, b.Ledger.Movements.Credit, b.Balance.Closing, b.Ledger.Closing)).ToList(),
            r.Articles.Select(a => new BudgetArticleDocument(
                a.Article, ReportTables.Mask(r, a.Label, options), a.Kind,
                a.Budget.Committed, a.Budget.Charged, a.Commitments.Committed, a.Commitments.Charged, a.LedgerCharged)).ToList(),
            new ExceptionsDocument(
                r.Unmapped.Select(u => new UnmappedDocument(u.Account, u.Article, u.Count, u.Amounts.Debit, u.Amounts.Credit)).ToList(),
                r.Rejected.Select(j => new RejectedDocument(
                    j.File, j.Line, j.Column, j.Reason, ReportTables.Mask(r, j.Message, options), ReportTables.RawText(
                        r,
                        j,
                        options))).ToList(),
                r.UnbalancedDocuments.Select(d => new UnbalancedDocumentDocument(
                    d.FiscalYear, d.Journal, d.Document, d.Staged.Debit, d.Staged.Credit, d.Unmapped.Debit, d.Unmapped.Credit)).ToList()),
            ContinuityDocument.From(r.Continuity),
            r.SignOffs.Select(SignOffDocument.From).ToList(),
            options.ShowPersonalData);
    }

    private static List<FlowDocument> Flows(IReadOnlyList<AccountFlow> flows) =>
        flows.Select(f => new FlowDocument(f.Account, f.Amounts.Debit, f.Amounts.Credit)).ToList();
}

/// <summary>A source file: its hash, its records and where they went, its accepted amounts and what the control file announced (null:
/// none).</summary>
public sealed record SourceFileDocument(
    string Name, string Sha256, long Lines, long Staged, long Unmapped, long Rejected,
    decimal? Debit, decimal? Credit, long? ControlLines, decimal? ControlDebit, decimal? ControlCredit);

public sealed record TotalsDocument(
    decimal SourceDebit, decimal SourceCredit, decimal StagedDebit, decimal StagedCredit,
    decimal UnmappedDebit, decimal UnmappedCredit, decimal RejectedDebit, decimal RejectedCredit);

/// <summary>A new account and the legacy accounts that feed it.</summary>
public sealed record TargetAccountDocument(string Account, decimal Debit, decimal Credit, IReadOnlyList<FlowDocument> LegacyAccounts);

/// <summary>A legacy account and the new accounts it went to.</summary>
public sealed record LegacyAccountDocument(
    string Account, decimal SourceDebit, decimal SourceCredit, decimal StagedDebit, decimal StagedCredit,
    decimal UnmappedDebit, decimal UnmappedCredit, IReadOnlyList<FlowDocument> TargetAccounts);

/// <summary>The amounts that flow between one legacy account and one new account.</summary>
public sealed record FlowDocument(string Account, decimal Debit, decimal Credit);

public sealed record JournalDocument(
    int FiscalYear, string Journal, decimal SourceDebit, decimal SourceCredit, decimal StagedDebit, decimal StagedCredit,
    decimal UnmappedDebit, decimal UnmappedCredit);

public sealed record TrialBalanceDocument(
    string Account, string Label, decimal BalanceOpening, decimal LedgerOpening, decimal BalanceMovementDebit, decimal LedgerMovementDebit,
    decimal BalanceMovementCredit, decimal LedgerMovementCredit, decimal BalanceClosing, decimal LedgerClosing);

public sealed record BudgetArticleDocument(
    string Article, string Label, string Kind, decimal Committed, decimal Charged, decimal CommitmentsCommitted, decimal CommitmentsCharged,
    decimal LedgerCharged);

public sealed record ExceptionsDocument(
    IReadOnlyList<UnmappedDocument> Unmapped, IReadOnlyList<RejectedDocument> Rejected,
    IReadOnlyList<UnbalancedDocumentDocument> UnbalancedDocuments);

public sealed record UnmappedDocument(string Account, string? Article, long Count, decimal Debit, decimal Credit);

public sealed record RejectedDocument(string File, long Line, string? Column, string Reason, string Message, string RawText);

public sealed record UnbalancedDocumentDocument(
    int FiscalYear, string Journal, string Document, decimal StagedDebit, decimal StagedCredit, decimal UnmappedDebit,
    decimal UnmappedCredit);

/// <summary>A sign-off of the run recorded so far, as the sign-offs table holds it.</summary>
public sealed record SignOffDocument(
    long Id, DateTime SignedUtc, string Signer, string Role, string AuthenticatedBy, string Decision, string Reconciliation,
    string Fingerprint,
    SignedReportDocument Report, string? Comment)
{
    public static SignOffDocument From(SignOff s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(
            s.Id,
            s.SignedUtc,
            s.Signer.Name,
            s.Signer.Role.ToCode(),
            s.Signer.AuthenticatedBy,
            s.Decision.ToCode(),
            s.Reconciliation,
            s.Fingerprint,
            new SignedReportDocument(s.Report.Name, s.Report.Sha256),
            s.Comment);
    }
}

/// <summary>The report a sign-off was given on: its file name and SHA-256.</summary>
public sealed record SignedReportDocument(string Name, string Sha256);
