using Bascule.Load.Providers;
using Bascule.Load.Tables;
using Dapper;

namespace Bascule.Load.Runs;

/// <summary>
/// Retention: removes the rows of superseded and failed runs beyond the <c>keep</c> latest of them per entity and
/// year (optionally only those started before a date), and records on each runs row when and by whom; the run's
/// source file records (hashes, counts) are kept. A published or
/// held run is never touched, nor a run still loading; the runs rows stay as the record of what was removed.
/// </summary>
public static class RunRetention
{
    public static async Task<IReadOnlyList<PrunedRun>> PruneAsync(
        IStagingProvider provider, int keep, DateTime? startedBefore, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentOutOfRangeException.ThrowIfNegative(keep);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        await using var connection = await provider.OpenAsync(cancellationToken);
        var candidates = (await connection.QueryAsync<Candidate>(new CommandDefinition(
            """
            SELECT run_id AS RunId, entity_name AS EntityName, entity_type AS EntityType, ins_code AS InsCode, fiscal_year AS FiscalYear,
                   status AS Status, started_utc AS StartedUtc
            FROM runs
            WHERE status IN ('superseded', 'failed') AND pruned_utc IS NULL
            ORDER BY ins_code, entity_type, fiscal_year, started_utc DESC, run_id DESC
            """,
            cancellationToken: cancellationToken))).ToList();
        var pruned = new List<PrunedRun>();
        foreach (var entityYear in candidates.GroupBy(c => (c.InsCode, c.EntityType, c.FiscalYear)))
        {
            foreach (var run in entityYear.Skip(keep))
            {
                var started = StoredTime.Utc(run.StartedUtc)!.Value;
                if (startedBefore is { } cutoff && started >= cutoff)
                {
                    continue;
                }

                // Its drill-down indexes first, if any are left (a superseded run's go at the next sync after it was superseded).
                if (RunId.TryParse(run.RunId, out var indexed))
                {
                    await DrillIndexes.DropAsync(provider, indexed, cancellationToken);
                }

                if (await PruneOneAsync(connection, run.RunId, by, cancellationToken) && RunId.TryParse(run.RunId, out var id))
                {
                    pruned.Add(new PrunedRun(id, run.EntityName, run.EntityType, run.FiscalYear, RunStatuses.Parse(run.Status), started));
                }
            }
        }

        return pruned;
    }

    // One transaction per run: the status is checked again inside it, so a run published meanwhile is left alone.
    private static async Task<bool> PruneOneAsync(
        System.Data.Common.DbConnection connection,
        string run,
        string by,
        CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var marked = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE runs SET pruned_utc = @now, pruned_by = @by WHERE run_id = @run AND status IN ('superseded', 'failed') AND pruned_utc "
                + "IS NULL",
            new { run, by, now = DateTime.UtcNow },
            transaction,
            cancellationToken: cancellationToken));
        if (marked != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        // The data rows go; run_files (each source file's SHA-256 and counts) stays with the runs row, as provenance.
        foreach (var table in StagingTables.All)
        {
            await connection.ExecuteAsync(
                new CommandDefinition(table.DeleteRunSql, new { run }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private sealed class Candidate
    {
        public string RunId { get; set; } = "";

        public string EntityName { get; set; } = "";

        public string EntityType { get; set; } = "";

        public string InsCode { get; set; } = "";

        public int FiscalYear { get; set; }

        public string Status { get; set; } = "";

        public object? StartedUtc { get; set; }
    }
}

/// <summary>A run whose rows <see cref="RunRetention.PruneAsync"/> removed.</summary>
public sealed record PrunedRun(RunId Run, string EntityName, string EntityType, int FiscalYear, RunStatus Status, DateTime StartedUtc);
