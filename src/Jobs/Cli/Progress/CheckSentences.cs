using Bascule.Reconcile.Model;

namespace Bascule.Jobs.Cli.Progress;

/// <summary>
/// A check's comparison in English words for the console, as the report says it in French and Dutch: the check's number
/// and title, then what was compared and what differs. The technical name (<c>controlTotals:ECRITURES.csv:debit</c>)
/// stays in <c>reconciliation.json</c>; what to do next, and who, is in the report.
/// </summary>
public static class CheckSentences
{
    public static string Title(CheckId check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return check switch
        {
            _ when check == CheckId.Completeness => "completeness per file",
            _ when check == CheckId.ControlTotals => "control totals",
            _ when check == CheckId.Amounts => "amounts source → migration, per year and journal",
            _ when check == CheckId.Balance => "balance debit = credit",
            _ when check == CheckId.LegacyAccounts => "per legacy account",
            _ when check == CheckId.TargetAccounts => "per new account",
            _ when check == CheckId.TrialBalance => "legacy trial balance = ledger",
            _ when check == CheckId.Budget => "budget per article",
            _ when check == CheckId.Exceptions => "exceptions to act on",
            _ when check == CheckId.Continuity => "continuity between fiscal years",
            _ => check.French,
        };
    }

    /// <summary>"check 2, control totals: ECRITURES.csv, debit total: 1.234,56 announced by EXPORT.txt, 1.235,56 read
    /// (difference +1,00)."</summary>
    public static string Of(CheckResult check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return $"check {check.Check.Number}, {Title(check.Check)}: {What(check)}";
    }

    private static string What(CheckResult check)
    {
        var (e, f) = (Figures.Figure(check.Expected, check.IsMoney), Figures.Figure(check.Found, check.IsMoney));
        var d = check.IsMoney ? Figures.SignedAmount(check.Difference) : Figures.Figure(check.Difference, money: false);
        var t = check.Topic;
        var side = t?.Side == BookSide.Credit ? "credit" : "debit";
        var accounts = t?.NewAccounts == true ? "new" : "legacy";
        var tolerance = check.Tolerance is { } limit ? $" (tolerance {Figures.Figure(limit, check.IsMoney)})" : "";
        return t?.Kind switch
        {
            TopicKind.FileNotRecorded => $"{t.File} has {e} lines in the database, but the run has no record of reading it.",
            TopicKind.FileLinesAccounted => $"{t.File}: {e} lines read, {f} found staged, unmapped or rejected (difference {d}).",
            TopicKind.FileControlLines => $"{t.File}: EXPORT.txt announces {e} lines, {f} were read (difference {d}).",
            TopicKind.FileHash => $"{t.File} in the export folder is no longer the file the run read (another SHA-256).",
            TopicKind.FileControlTotal => $"{t.File}, {side} total: {e} announced by EXPORT.txt, {f} read (difference {d}).",
            TopicKind.AmountsTotal => $"{side} total: {e} in the source, {f} migrated or unmapped (difference {d}).",
            TopicKind.AmountsJournal =>
                $"year {t.Year}, journal {t.Journal}, {side}: {e} in the source, {f} migrated or unmapped (difference {d}).",
            TopicKind.StagedBalance => $"after migration, total debit {e} and total credit {f} (difference {d}).",
            TopicKind.UnbalancedDocuments => $"{f} document(s) unbalanced after migration.",
            TopicKind.LegacyAccountsDiffering =>
                $"{f} legacy account(s) whose source total is not found in the migrated and unmapped lines.",
            TopicKind.LegacyAccount =>
                $"legacy account {t.Account}, {side}: {e} in the source, {f} migrated or unmapped (difference {d}).",
            TopicKind.TargetAccounts =>
                $"new accounts, {side} total: {e} expected (source less unmapped), {f} found (difference {d}).",
            TopicKind.TrialBalanceDiffering => $"{f} account(s) whose legacy trial balance (BALANCE.csv) disagrees with the ledger.",
            TopicKind.TrialBalanceAccount =>
                $"account {t.Account}: closing {e} by the legacy trial balance, {f} by the ledger (difference {d}).",
            TopicKind.BudgetDiffering => $"{f} budget article(s) on which ARTICLES.csv, ENGAGEMENTS.csv and the ledger disagree.",
            TopicKind.UnmappedLines => $"{f} line(s) without a rule in the mapping (unmapped){tolerance}.",
            TopicKind.UnmappedAmount => $"{f} {side} on unmapped lines{tolerance}.",
            TopicKind.RejectedLines => $"{f} line(s) of the export rejected when read{tolerance}.",
            TopicKind.ContinuityDiffering =>
                $"{t.Pair}: {f} {accounts} account(s) whose opening does not carry over the previous year's closing.",
            TopicKind.ContinuityAccount => $"{t.Pair}, account {t.Account}: opening {e} expected, {f} found (difference {d}).",
            TopicKind.ContinuityResultAllocation =>
                $"{t.Pair}: the year's result ({e}) should have been carried onto account {t.Account}; its opening differs by {f}.",
            _ => $"expected {e}, found {f} (difference {d}).",
        };
    }
}
