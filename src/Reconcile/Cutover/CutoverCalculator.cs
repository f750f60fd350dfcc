using Bascule.Load.Providers;
using Bascule.Load.Runs;
using Bascule.Reconcile.Cutover.Computation;
using Bascule.Reconcile.Cutover.Data;
using Bascule.Reconcile.Cutover.Model;

namespace Bascule.Reconcile.Cutover;

/// <summary>
/// Computes the opening position of the first new year from a published run of the last legacy year, and its
/// reconciliation, from what the staging database holds.
/// </summary>
public static class CutoverCalculator
{
    public static async Task<CutoverResult> ComputeAsync(
        IStagingProvider provider, RunId runId, CutoverOptions options, bool showPersonalData, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.ResultAccount.StartsWith('1') || !options.ResultAccount.All(char.IsAsciiDigit))
        {
            throw new CutoverException(
                $"The result account '{options.ResultAccount}' is not a class-1 (equity) account of the new chart: give one with "
                    + $"--result-account or setting Cutover:ResultAccount, e.g. {CutoverOptions.DefaultResultAccount}.");
        }

        var snapshot = await CutoverSnapshot.ReadAsync(provider, runId, showPersonalData, cancellationToken);
        var lastDay = new DateOnly(snapshot.Run.FiscalYear.Value, 12, 31);
        var asOf = options.AsOf ?? lastDay.AddDays(1);
        if (asOf <= lastDay)
        {
            throw new CutoverException(
                $"--as-of {asOf:yyyy-MM-dd} falls inside fiscal year {snapshot.Run.FiscalYear} of run {runId}: the opening position is "
                    + $"dated after the last legacy year, by default {lastDay.AddDays(1):yyyy-MM-dd}.");
        }

        var (balances, legacy) = OpeningBalances.Compute(snapshot, options.ResultAccount);
        var items = OpenItems.Compute(snapshot);
        var itemAccounts = OpenItems.PerAccount(items, balances, snapshot);
        var controlAccounts = OpenItems.PerControlAccount(items, legacy);
        var commitments = Computation.OpenCommitments.Compute(snapshot);
        var articles = CommitmentsPerArticle.Compute(snapshot, commitments);
        var checks = CutoverChecks.Run(balances, legacy, items, itemAccounts, controlAccounts, commitments, articles);
        return new CutoverResult(
            snapshot.Run,
            asOf,
            options.ResultAccount,
            balances,
            legacy,
            items,
            itemAccounts,
            commitments.Where(c => c.Open > 0m).ToList(),
            commitments.Where(c => c.Open < 0m).ToList(),
            commitments.Sum(c => c.Committed),
            commitments.Sum(c => c.Charged),
            checks,
            DateTime.UtcNow)
        {
            Masker = snapshot.Masker,
            ControlAccounts = controlAccounts,
            CommitmentArticles = articles,
        };
    }
}
