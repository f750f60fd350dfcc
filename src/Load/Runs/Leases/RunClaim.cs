using System.Data.Common;
using Bascule.Extract.Values;
using Bascule.Load.Providers;
using Dapper;

namespace Bascule.Load.Runs.Leases;

/// <summary>
/// How a new run takes its entity and year: a run of them still loading under a live lease is waited for (up to
/// <see cref="StagingOptions.WaitForLease"/>) or refused before anything is written (<see cref="RunInProgressException"/>);
/// one whose lease expired or whose process is gone is abandoned (marked failed, its rows deleted), as are the rows
/// left by earlier failed runs; then the new run is recorded as loading with this process's lease. The unique index on
/// loading runs (V006) decides between two runs that start at the same moment: the second finds the first and waits or
/// stops.
/// </summary>
public static class RunClaim
{
    /// <summary>Records the new run as loading once its entity and year are free; returns the runs it abandoned.</summary>
    public static async Task<IReadOnlyList<RunId>> ClaimAsync(
        IStagingProvider provider,
        RunId run,
        RunHeader header,
        StagingOptions options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(options);
        var abandoned = new List<RunId>();
        var wait = new LeaseWait(options);
        while (true)
        {
            if (await FreeAsync(provider, header, abandoned, cancellationToken) is { } holder)
            {
                await wait.WaitOrStopAsync(holder, cancellationToken);
                continue;
            }

            await DeleteFailedRowsAsync(provider, header, cancellationToken);
            try
            {
                await RunStore.InsertAsync(provider, run, header, options.LeaseDuration, cancellationToken);
                return abandoned;
            }
            catch (DbException)
            {
                // Another run took the entity and year between the look and the insert (the unique index refused this
                // one): look again, and wait for it or stop. Any other fault is this run's own.
                if ((await LoadingRunsAsync(provider, header, cancellationToken)).Count == 0)
                {
                    throw;
                }
            }
        }
    }

    /// <summary>
    /// Waits (or stops) while a run of the entity and year holds a live lease, writing nothing: the look a run takes
    /// before its own work starts, so that a run that must stop or wait does it before it spends anything on the export.
    /// <see cref="ClaimAsync"/> still decides, as another run may start meanwhile.
    /// </summary>
    public static async Task WaitUntilFreeAsync(
        IStagingProvider provider,
        RunHeader header,
        StagingOptions options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var wait = new LeaseWait(options);
        while ((await LoadingRunsAsync(provider, header, cancellationToken)).FirstOrDefault(
            r => r.Judge(DateTime.UtcNow, RunLease.IsRunningHere) is null) is { } holder)
        {
            await wait.WaitOrStopAsync(holder, cancellationToken);
        }
    }

    /// <summary>The runs of an entity and year that are loading (at most one since V006).</summary>
    public static async Task<IReadOnlyList<LoadingRun>> LoadingRunsAsync(
        IStagingProvider provider,
        RunHeader header,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(header);
        await using var connection = await provider.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<LoadingRow>(new CommandDefinition(
            """
            SELECT run_id AS RunId, entity_name AS EntityName, fiscal_year AS FiscalYear,
                started_by AS StartedBy, started_utc AS StartedUtc,
                   job AS Job, lease_host AS LeaseHost, lease_pid AS LeasePid, lease_process_start AS LeaseProcessStart,
                   heartbeat_utc AS HeartbeatUtc, lease_expires_utc AS LeaseExpiresUtc
            FROM runs
            WHERE ins_code = @insCode AND entity_type = @entityType AND fiscal_year = @fiscalYear AND status = 'loading'
            ORDER BY started_utc
            """,
            EntityYear(header),
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToLoadingRun()).ToList();
    }

    // Abandons the loading runs that are no longer alive; returns the one that is, if any.
    private static async Task<LoadingRun?> FreeAsync(
        IStagingProvider provider,
        RunHeader header,
        List<RunId> abandoned,
        CancellationToken cancellationToken)
    {
        foreach (var loading in await LoadingRunsAsync(provider, header, cancellationToken))
        {
            var now = DateTime.UtcNow;
            if (loading.Judge(now, RunLease.IsRunningHere) is not { } abandonment)
            {
                return loading;
            }

            if (await AbandonAsync(provider, loading.Id, abandonment, now, cancellationToken))
            {
                abandoned.Add(loading.Id);
            }
            else if (abandonment.ByExpiry)
            {
                // Its heartbeat came meanwhile: it is alive after all.
                return loading;
            }
        }

        return null;
    }

    // Marks the run failed and deletes its rows in one commit; false when it was no longer loading or, for an expired
    // lease, was renewed meanwhile (the condition is checked by the database, against the row as it is now).
    private static async Task<bool> AbandonAsync(
        IStagingProvider provider,
        RunId run,
        Abandonment abandonment,
        DateTime now,
        CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var marked = await connection.ExecuteAsync(new CommandDefinition(
            abandonment.ByExpiry
                ? "UPDATE runs SET status = 'failed', finished_utc = @now, failure_message = @message WHERE run_id = @run AND status = "
                    + "'loading' AND lease_expires_utc < @now"
                : "UPDATE runs SET status = 'failed', finished_utc = @now, failure_message = @message WHERE run_id = @run AND status = "
                    + "'loading'",
            new { run = run.Value, now, message = abandonment.Message },
            transaction,
            cancellationToken: cancellationToken));
        if (marked == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        await RunStore.DeleteRowsAsync(connection, transaction, run.Value, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    // Rows of failed runs are normally deleted when they fail; a run that failed while the database was failing too may
    // have left some, and an abandoned one may have written more before it stopped.
    private static async Task DeleteFailedRowsAsync(IStagingProvider provider, RunHeader header, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        var failed = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT run_id FROM runs WHERE ins_code = @insCode AND entity_type = @entityType AND fiscal_year = @fiscalYear AND status = "
                + "'failed'",
            EntityYear(header),
            cancellationToken: cancellationToken));
        foreach (var id in failed)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await RunStore.DeleteRowsAsync(connection, transaction, id, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    private static object EntityYear(RunHeader header) =>
        new { insCode = header.InsCode, entityType = header.EntityType.ToCode(), fiscalYear = header.FiscalYear.Value };

    private sealed class LoadingRow
    {
        public string RunId { get; set; } = "";

        public string EntityName { get; set; } = "";

        public int FiscalYear { get; set; }

        public string StartedBy { get; set; } = "";

        public object? StartedUtc { get; set; }

        public string? Job { get; set; }

        public string? LeaseHost { get; set; }

        public long? LeasePid { get; set; }

        public string? LeaseProcessStart { get; set; }

        public object? HeartbeatUtc { get; set; }

        public object? LeaseExpiresUtc { get; set; }

        public LoadingRun ToLoadingRun() => new(
            Runs.RunId.TryParse(RunId, out var id) ? id : throw new FormatException($"runs.run_id '{RunId}' is not a run id."),
            EntityName,
            FiscalYear,
            StartedBy,
            StoredTime.Utc(StartedUtc)!.Value,
            Job,
            LeaseHost is null || LeasePid is null ? null : new LeaseHolder(LeaseHost, checked((int)LeasePid.Value), LeaseProcessStart),
            StoredTime.Utc(HeartbeatUtc),
            StoredTime.Utc(LeaseExpiresUtc));
    }
}
