using Bascule.Load.Providers;
using Bascule.Load.Runs;
using Bascule.Reconcile.Model;
using Bascule.Reconcile.Staging;

namespace Bascule.Reconcile.Continuity;

/// <summary>
/// One run's balances per account, as check 10 compares them: the opening (its <c>OUV</c> lines) and the closing
/// (opening + movements: all its lines), net debit − credit, per legacy account (staged source amounts once per source
/// line, and the unmapped lines) and per new account (the staged lines, splits included).
/// </summary>
internal sealed class YearBalances
{
    private readonly Dictionary<string, Balance> _legacy = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Balance> _target = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, Balance> Legacy => _legacy;

    public IReadOnlyDictionary<string, Balance> New => _target;

    /// <summary>From the reconciliation's own snapshot: the run being reconciled is not read twice.</summary>
    public static YearBalances From(StagingSnapshot snapshot)
    {
        var balances = new YearBalances();
        foreach (var (_, key, sides) in snapshot.StagedSource)
        {
            Add(balances._legacy, key.Journal, key.Account, sides.Net);
        }

        foreach (var unmapped in snapshot.Unmapped)
        {
            Add(balances._legacy, unmapped.Key.Journal, unmapped.Key.Account, unmapped.Amounts.Net);
        }

        foreach (var (key, account, sides) in snapshot.StagedFlows)
        {
            Add(balances._target, key.Journal, account, sides.Net);
        }

        return balances;
    }

    /// <summary>
    /// Another run of the entity (the published run of the year before or after), aggregated by the database; with
    /// <paramref name="openingOnly"/>, only its opening is read (its closings are then not known).
    /// </summary>
    public static async Task<YearBalances> ReadAsync(
        IStagingProvider provider,
        RunId runId,
        CancellationToken cancellationToken,
        bool openingOnly = false)
    {
        await using var connection = await provider.OpenForRunScanAsync(cancellationToken);
        var db = new StagingReader(connection, runId);
        var balances = new YearBalances();
        var parameters = new { run = runId.Value, openingOnly = openingOnly ? 1 : 0 };
        foreach (var row in await db.RowsAsync<ContinuityQueries.StagedBalanceRow>(
            ContinuityQueries.StagedBalances,
            parameters,
            cancellationToken))
        {
            Add(balances._legacy, row.Journal, row.Account, row.SourceNet);
            Add(balances._target, row.Journal, row.TargetAccount, row.Net);
        }

        foreach (var row in await db.RowsAsync<ContinuityQueries.BalanceRow>(
            ContinuityQueries.UnmappedBalances,
            parameters,
            cancellationToken))
        {
            Add(balances._legacy, row.Journal, row.Account, row.Net);
        }

        return balances;
    }

    private static void Add(Dictionary<string, Balance> accounts, string journal, string account, decimal net)
    {
        var balance = accounts.GetValueOrDefault(account);
        accounts[account] = journal == Checks.TrialBalanceCheck.OpeningJournal
            ? balance with { Opening = balance.Opening + net, Closing = balance.Closing + net }
            : balance with { Closing = balance.Closing + net };
    }

    /// <summary>An account's opening and closing, net debit − credit.</summary>
    internal readonly record struct Balance(decimal Opening, decimal Closing);
}
