using Bascule.Load.Providers;
using Bascule.Load.Runs;

namespace Bascule.Reconcile.Staging;

/// <summary>What one rule (or one part of a split: <c>R120.a</c>) staged in a run: its lines and their euros.</summary>
public sealed record RuleTotal(string RuleId, decimal Debit, decimal Credit, long Lines);

/// <summary>
/// The euros each rule staged in a run, one <c>GROUP BY rule_id</c> over the run's staged lines, the same SQL on SQLite,
/// PostgreSQL and SQL Server; amounts read through the provider's type handlers (cents or decimals).
/// </summary>
public static class RuleTotals
{
    // LineCount, not Lines: the alias stays clear of words an engine may reserve.
    private const string Sql =
        """
        SELECT rule_id AS RuleId, SUM(debit) AS Debit, SUM(credit) AS Credit, COUNT(*) AS LineCount
        FROM staged_lines WHERE run_id = @run
        GROUP BY rule_id
        """;

    /// <summary>The run's rules that staged at least one line, by rule id in ordinal order (engines sort text differently).</summary>
    public static async Task<IReadOnlyList<RuleTotal>> ReadAsync(IStagingProvider provider, RunId run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provider);
        await using var connection = await provider.OpenForRunScanAsync(cancellationToken);
        var rows = await new StagingReader(connection, run).RowsAsync<RuleRow>(Sql, cancellationToken);
        return [.. rows.Select(r => new RuleTotal(r.RuleId, r.Debit.Value, r.Credit.Value, r.LineCount))
            .OrderBy(r => r.RuleId, StringComparer.Ordinal)];
    }

    private sealed class RuleRow : SummedRow
    {
        public string RuleId { get; init; } = "";

        public long LineCount { get; init; }
    }
}
