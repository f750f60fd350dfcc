using Bascule.Reconcile.Model;

namespace Bascule.Reconcile.Checks;

/// <summary>
/// Check 4: the books still balance after mapping: staged debits = staged credits, overall and per document. Unmapped or
/// rejected lines leave documents short of one side; an imbalance they explain is a WARNING, any other is FAILED.
/// </summary>
internal static class BalanceCheck
{
    public static void Run(CheckContext context)
    {
        var flows = DebitCredit.Sum(context.Snapshot.StagedFlows.Select(f => f.Amounts));
        context.Add(CheckResult.Compare(
            CheckId.Balance,
            "balance:staged",
            flows.Debit,
            flows.Credit,
            context.HasExceptions ? Verdict.Warning : Verdict.Failed,
            topic: new(TopicKind.StagedBalance)));

        var documents = context.Snapshot.UnbalancedDocuments;
        var unexplained = documents.Count(d => !d.ExplainedByUnmapped);
        var verdict = unexplained == 0 || context.LedgerRejects > 0 ? Verdict.Warning : Verdict.Failed;
        context.Add(CheckResult.Compare(
            CheckId.Balance,
            "balance:unbalancedDocuments",
            0,
            documents.Count,
            verdict,
            Units.Documents,
            new(TopicKind.UnbalancedDocuments)));
    }
}
