using Bascule.Reconcile.Cutover.Model;
using Bascule.Reconcile.Model;

namespace Bascule.Reconcile.Cutover.Computation;

/// <summary>
/// The package's reconciliation, one number per data set: 1 opening balances against the legacy closing (per legacy
/// account, debit = credit, result closed), 2 open items against their new account's opening balance and, per legacy
/// control account, against its closing in <c>BALANCE.csv</c>, 3 open commitments against committed − charged, in
/// total and per article against <c>ARTICLES.csv</c>. A difference that the listed exceptions explain exactly (unmapped
/// lines, over-charged commitments, items without third party) is a WARNING; any other is FAILED, named by its account
/// or article so that the accountant knows where to look.
/// </summary>
internal static class CutoverChecks
{
    public static IReadOnlyList<CheckResult> Run(
        IReadOnlyList<OpeningBalance> balances,
        IReadOnlyList<LegacyClosingRow> legacy,
        IReadOnlyList<OpenItem> items,
        IReadOnlyList<OpenItemAccount> itemAccounts,
        IReadOnlyList<ControlAccountItems> controlAccounts,
        IReadOnlyList<OpenCommitment> commitments,
        IReadOnlyList<ArticleCommitments> articles)
    {
        var checks = new List<CheckResult>();
        Opening(checks, balances, legacy);
        OpenItemChecks(checks, items, itemAccounts, controlAccounts);
        CommitmentChecks(checks, commitments, articles);
        return checks;
    }

    private static void Opening(List<CheckResult> checks, IReadOnlyList<OpeningBalance> balances, IReadOnlyList<LegacyClosingRow> legacy)
    {
        var n = CheckId.OpeningBalances;
        checks.Add(CheckResult.Compare(
            n,
            "openingBalances:debitEqualsCredit",
            balances.Sum(b => b.Debit),
            balances.Sum(b => b.Credit),
            Verdict.Failed,
            topic: new(TopicKind.CutoverOpeningDebitCredit)));

        var unmapped = legacy.Sum(a => a.Unmapped);
        var expected = legacy.Sum(a => a.BalanceClosing - a.OffBalance);
        var found = balances.Sum(b => b.Net);
        checks.Add(CheckResult.Compare(
            n,
            "openingBalances:legacyClosing",
            expected,
            found,
            Explained(found - expected, unmapped),
            topic: new(TopicKind.CutoverOpeningLegacyClosing)));

        var results = legacy.Where(a => AccountClasses.Of(a.Account) == AccountClass.Result).ToList();
        var resultExpected = results.Sum(a => a.BalanceClosing);
        var closed = balances.Sum(b => b.ClosedResult);
        checks.Add(CheckResult.Compare(
            n,
            "openingBalances:resultClosed",
            resultExpected,
            closed,
            Explained(closed - resultExpected, results.Sum(a => a.Unmapped)),
            topic: new(TopicKind.CutoverOpeningResultClosed)));

        var differing = legacy.Where(a => !a.LedgerAgrees || a.Difference != 0m).ToList();
        var unexplained = differing.Any(a => !a.LedgerAgrees || !a.ExplainedByUnmapped);
        checks.Add(CheckResult.Compare(
            n,
            "openingBalances:legacyAccounts:differing",
            0,
            differing.Count,
            unexplained ? Verdict.Failed : Verdict.Warning,
            Units.Accounts,
            new(TopicKind.CutoverOpeningAccountsDiffering)));
        foreach (var row in differing)
        {
            if (!row.LedgerAgrees)
            {
                checks.Add(CheckResult.Compare(
                    n,
                    $"openingBalances:{row.Account}:ledgerClosing",
                    row.BalanceClosing,
                    row.LedgerClosing,
                    Verdict.Failed,
                    topic: new(TopicKind.CutoverOpeningLedgerClosing) { Account = row.Account }));
            }

            if (row.Difference != 0m)
            {
                checks.Add(CheckResult.Compare(
                    n,
                    $"openingBalances:{row.Account}:mapped",
                    row.BalanceClosing,
                    row.Mapped,
                    row.ExplainedByUnmapped ? Verdict.Warning : Verdict.Failed,
                    topic: new(TopicKind.CutoverOpeningAccountMapped) { Account = row.Account }));
            }
        }

        checks.Add(CheckResult.Compare(
            n,
            "openingBalances:unmappedLines",
            0,
            legacy.Sum(a => a.UnmappedLines),
            Verdict.Warning,
            Units.Lines,
            new(TopicKind.UnmappedLines)));
    }

    private static void OpenItemChecks(
        List<CheckResult> checks, IReadOnlyList<OpenItem> items, IReadOnlyList<OpenItemAccount> accounts,
        IReadOnlyList<ControlAccountItems> controlAccounts)
    {
        var n = CheckId.OpenItems;
        foreach (var account in accounts)
        {
            checks.Add(CheckResult.Compare(n, $"openItems:{account.Account}", account.Balance, account.ItemsNet, Verdict.Failed,
                topic: new(TopicKind.CutoverOpenItemsAccount) { Account = account.Account }));
        }

        // The opening balance above comes from the same staged lines as the items; the legacy closing does not.
        foreach (var control in controlAccounts)
        {
            checks.Add(CheckResult.Compare(
                n, $"openItems:{control.LegacyAccount}:legacyClosing", control.Expected, control.ItemsNet, control.ExplainedByUnmapped
                    ? Verdict.Warning
                    : Verdict.Failed,
                topic: new(TopicKind.CutoverOpenItemsControlAccount) { Account = control.LegacyAccount }));
        }

        // The legacy opening entry books receivables and payables globally: the new ERP gets those items without third party.
        checks.Add(CheckResult.Compare(
            n,
            "openItems:withoutThirdParty",
            0,
            items.Count(i => i.ThirdParty is null),
            Verdict.Warning,
            Units.Items,
            new(TopicKind.CutoverOpenItemsWithoutThirdParty)));
    }

    private static void CommitmentChecks(
        List<CheckResult> checks,
        IReadOnlyList<OpenCommitment> all,
        IReadOnlyList<ArticleCommitments> articles)
    {
        var n = CheckId.OpenCommitments;
        var carried = all.Where(c => c.Open > 0m).ToList();
        var overCharged = all.Where(c => c.Open < 0m).ToList();
        var expected = all.Sum(c => c.Committed) - all.Sum(c => c.Charged);
        var found = carried.Sum(c => c.Open);
        checks.Add(CheckResult.Compare(
            n,
            "openCommitments:total",
            expected,
            found,
            Explained(found - expected, overCharged.Sum(c => c.Open)),
            topic: new(TopicKind.CutoverCommitmentsTotal)));

        // The total above compares the commitments with themselves; ARTICLES.csv is the legacy software's own figure.
        foreach (var article in articles)
        {
            checks.Add(CheckResult.Compare(
                n, $"openCommitments:{article.Article}", article.Expected, article.Carried, article.ExplainedByOverCharged
                    ? Verdict.Warning
                    : Verdict.Failed,
                topic: new(TopicKind.CutoverCommitmentsArticle) { Article = article.Article }));
        }

        checks.Add(CheckResult.Compare(n, "openCommitments:overCharged", 0, overCharged.Count, Verdict.Warning, Units.Commitments,
            new(TopicKind.CutoverCommitmentsOverCharged)));
        checks.Add(CheckResult.Compare(
            n,
            "openCommitments:withoutNewArticle",
            0,
            carried.Count(c => c.Mapping == ArticleMapping.None),
            Verdict.Warning,
            Units.Commitments,
            new(TopicKind.CutoverCommitmentsWithoutNewArticle)));
        checks.Add(CheckResult.Compare(
            n,
            "openCommitments:severalNewArticles",
            0,
            carried.Count(c => c.Mapping == ArticleMapping.Dominant),
            Verdict.Warning,
            Units.Commitments,
            new(TopicKind.CutoverCommitmentsSeveralNewArticles)));
    }

    /// <summary>A difference that is exactly minus the amount left out for a listed reason is a WARNING, else FAILED.</summary>
    private static Verdict Explained(decimal difference, decimal leftOut) =>
        difference != 0m && difference == -leftOut ? Verdict.Warning : Verdict.Failed;
}
