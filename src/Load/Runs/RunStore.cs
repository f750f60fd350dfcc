using System.Data.Common;
using Bascule.Extract.Values;
using Bascule.Load.Providers;
using Bascule.Load.Runs.Leases;
using Bascule.Load.Runs.SignOffs;
using Bascule.Load.Tables;
using Dapper;

namespace Bascule.Load.Runs;

/// <summary>The runs table: every status change of a run, in plain parameterised SQL shared by all providers.</summary>
public static class RunStore
{
    /// <summary>Records a run as loading, with this process's lease of the default duration.</summary>
    public static Task InsertAsync(IStagingProvider provider, RunId run, RunHeader header, CancellationToken cancellationToken) =>
        InsertAsync(provider, run, header, new StagingOptions().LeaseDuration, cancellationToken);

    /// <summary>
    /// Records a run as loading, with this process's lease (host, process id and start, first heartbeat now). Refused by
    /// the database (unique index) while another run of the same entity and year is loading: see <see cref="RunClaim"/>.
    /// </summary>
    public static async Task InsertAsync(
        IStagingProvider provider,
        RunId run,
        RunHeader header,
        TimeSpan leaseDuration,
        CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        var now = DateTime.UtcNow;
        var holder = LeaseHolder.Current;
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO runs (run_id, entity_name, entity_type, ins_code, fiscal_year, status, mapping_id, mapping_version, mapping_sha256,
                              started_utc, started_by, tool_version, job, lease_host, lease_pid,
                                  lease_process_start, heartbeat_utc, lease_expires_utc,
                              mapping_approved_by, mapping_approved_on, tolerance_unmapped_lines,
                              tolerance_unmapped_euros, tolerance_rejected_lines)
            VALUES (@run, @entityName, @entityType, @insCode, @fiscalYear, 'loading', @mappingId, @mappingVersion, @mappingSha256,
                    @startedUtc, @startedBy, @toolVersion, @job, @leaseHost, @leasePid, @leaseProcessStart, @startedUtc, @leaseExpires,
                    @approvedBy, @approvedOn, @unmappedLines, @unmappedEuros, @rejectedLines)
            """,
            new
            {
                run = run.Value,
                entityName = header.EntityName,
                entityType = header.EntityType.ToCode(),
                insCode = header.InsCode,
                fiscalYear = header.FiscalYear.Value,
                mappingId = header.Mapping.Id,
                mappingVersion = header.Mapping.Version,
                mappingSha256 = header.Mapping.Sha256,
                startedUtc = now,
                startedBy = header.StartedBy,
                toolVersion = header.ToolVersion,
                job = header.Job,
                leaseHost = holder.Host,
                leasePid = holder.ProcessId,
                leaseProcessStart = holder.ProcessStamp,
                leaseExpires = now + leaseDuration,
                approvedBy = header.Approval?.By,
                approvedOn = header.Approval?.On,
                unmappedLines = header.Tolerances?.UnmappedLines,
                unmappedEuros = header.Tolerances?.UnmappedEuros is { } euros ? provider.ToParameter(Amount.FromEuros(euros)) : null,
                rejectedLines = header.Tolerances?.RejectedLines,
            },
            cancellationToken: cancellationToken));
    }

    public static async Task RecordFilesAsync(
        IStagingProvider provider,
        RunId run,
        IReadOnlyList<RunFile> files,
        CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM run_files WHERE run_id = @run",
            new { run = run.Value },
            transaction,
            cancellationToken: cancellationToken));
        foreach (var file in files)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO run_files (run_id, source_file, sha256, lines_read, control_lines, control_debit, control_credit)
                VALUES (@run, @file, @sha256, @linesRead, @controlLines, @controlDebit, @controlCredit)
                """,
                new
                {
                    run = run.Value,
                    file = file.Name,
                    sha256 = file.Sha256,
                    linesRead = file.LinesRead,
                    controlLines = file.ControlLines,
                    controlDebit = file.ControlDebit is { } debit ? provider.ToParameter(debit) : null,
                    controlCredit = file.ControlCredit is { } credit ? provider.ToParameter(credit) : null,
                },
                transaction,
                cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// The one commit that makes a run visible: the entity's published run for that year (and any run of it held before
    /// this one started) becomes superseded and this one published, or neither happens.
    /// </summary>
    public static async Task PublishAsync(
        IStagingProvider provider,
        RunId run,
        RunHeader header,
        string fingerprint,
        CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var (published, _) = await PublishInTransactionAsync(
            connection, transaction, run.Value, new EntityYear(
                header.InsCode,
                header.EntityType.ToCode(),
                header.FiscalYear.Value), "loading", fingerprint, null, cancellationToken);
        if (!published)
        {
            await transaction.RollbackAsync(cancellationToken);
            throw new StagingException(
                $"Run {run} could not be published: it is no longer loading (a later run of {header.EntityName} {header.FiscalYear} found "
                    + $"it abandoned and cleaned it up). " +
                "Nothing was published by this run; check `bascule runs` and run migrate again if needed.");
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Publishes a loading run, recording its reconciliation's status, unless the entity-year's published run has a
    /// better one: a new run never silently replaces published figures with worse ones. Such a run is held instead (its
    /// rows kept for review, the published run untouched), with a message naming the run that stays published and why;
    /// publishing it anyway is a person's recorded decision (<see cref="PublishHeldAsync"/>).
    /// </summary>
    public static async Task<PublishOutcome> PublishUnlessWorseAsync(
        IStagingProvider provider, RunId run, RunHeader header, string fingerprint, string reconciliationStatus,
        CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var entityYear = new EntityYear(header.InsCode, header.EntityType.ToCode(), header.FiscalYear.Value);
        var current = await connection.QuerySingleOrDefaultAsync<PublishedStatus>(new CommandDefinition(
            """
            SELECT run_id AS RunId, reconciliation_status AS Status FROM runs
            WHERE ins_code = @insCode AND entity_type = @entityType AND fiscal_year = @fiscalYear
            AND status = 'published' AND run_id <> @run
            """,
            new { run = run.Value, insCode = entityYear.InsCode, entityType = entityYear.EntityType, fiscalYear = entityYear.FiscalYear },
            transaction,
            cancellationToken: cancellationToken));
        if (current is not null && ReconciliationRank.IsWorse(reconciliationStatus, current.Status)
            && RunId.TryParse(current.RunId, out var better))
        {
            var message = $"Held, not published: its reconciliation is {reconciliationStatus}, worse than that of the published run "
                + $"{better} ({current.Status}), " +
                "which stays published. Review its report; to publish it anyway: bascule publish --run " + run + " --reason \"...\".";
            await MarkHeldAsync(connection, transaction, run, header, fingerprint, message, reconciliationStatus, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new PublishOutcome(false, better, message);
        }

        var (published, _) = await PublishInTransactionAsync(
            connection,
            transaction,
            run.Value,
            entityYear,
            "loading",
            fingerprint,
            null,
            cancellationToken);
        if (!published)
        {
            await transaction.RollbackAsync(cancellationToken);
            throw new StagingException(
                $"Run {run} could not be published: it is no longer loading (a later run of {header.EntityName} {header.FiscalYear} found "
                    + $"it abandoned and cleaned it up). " +
                "Nothing was published by this run; check `bascule runs` and run migrate again if needed.");
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE runs SET reconciliation_status = @status WHERE run_id = @run",
            new { run = run.Value, status = reconciliationStatus },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return new PublishOutcome(true, null, null);
    }

    /// <summary>
    /// A loading run whose reconciliation is FAILED becomes held: finished, fingerprinted, its rows kept for the reports
    /// and for investigation, but not published. The entity's published run for that year, if any, is not touched and
    /// is returned.
    /// </summary>
    public static async Task<RunId?> HoldAsync(
        IStagingProvider provider,
        RunId run,
        RunHeader header,
        string fingerprint,
        string message,
        CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await MarkHeldAsync(connection, transaction, run, header, fingerprint, message, ReconciliationRank.Failed, cancellationToken);
        var published = await PublishedRunAsync(
            connection,
            transaction,
            new EntityYear(header.InsCode, header.EntityType.ToCode(), header.FiscalYear.Value),
            run.Value,
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return published;
    }

    /// <summary>
    /// Publishes a held run after an accountant or auditor reviewed its FAILED reconciliation: writes their sign-off (who,
    /// with which role, the report read and why it is accepted) and supersedes the entity's published run for that year,
    /// in the same commit as <see cref="PublishAsync"/> does. Refuses a run that is not held, one whose rows no longer
    /// give the fingerprint it was held with, and a sign-off that does not explain the decision.
    /// </summary>
    public static async Task<HeldRunPublished> PublishHeldAsync(
        IStagingProvider provider,
        RunId run,
        SignOffRequest signOff,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(signOff);
        if (signOff.Decision != SignOffDecision.PublishHeld)
        {
            throw new ArgumentException("A held run is published only with a sign-off whose decision is to publish it.", nameof(signOff));
        }

        // Before the fingerprint is recomputed (seconds on a large run): a sign-off without its explanation is refused at once.
        SignOffStore.Validate(run, signOff);

        await using var connection = await provider.OpenAsync(cancellationToken);
        var row = await ReadHeldAsync(connection, null, run, cancellationToken);
        // The figures published must be those the reviewer read: the rows still give the fingerprint of the report.
        var now = await RunFingerprint.ComputeAsync(provider, run, cancellationToken);
        if (!string.Equals(now, row.Fingerprint, StringComparison.Ordinal))
        {
            throw new StagingException(
                $"Run {run} was not published: its rows changed since it was held (fingerprint {row.Fingerprint} in its report, {now} "
                    + $"now). " +
                "Run migrate again and review the new run's report.");
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        row = await ReadHeldAsync(connection, transaction, run, cancellationToken);
        var recorded = await SignOffStore.AddAsync(connection, transaction, run, signOff, cancellationToken);
        var decision = new PublishOverride(recorded.Signer.Name, recorded.SignedUtc, recorded.Comment!);
        var (published, superseded) = await PublishInTransactionAsync(
            connection, transaction, run
                .Value, new EntityYear(row.InsCode, row.EntityType, row.FiscalYear), "held", null, decision, cancellationToken);
        if (!published)
        {
            await transaction.RollbackAsync(cancellationToken);
            throw new StagingException(
                $"Run {run} was not published: its status changed while it was being published. Check `bascule runs`.");
        }

        await transaction.CommitAsync(cancellationToken);
        return new HeldRunPublished(run, row.EntityName, row.FiscalYear, row.Fingerprint!, superseded, decision, recorded);
    }

    /// <summary>Refuses, with the message <see cref="PublishHeldAsync"/> would give, a run that is not there or not held.</summary>
    public static async Task EnsureHeldAsync(IStagingProvider provider, RunId run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provider);
        await using var connection = await provider.OpenAsync(cancellationToken);
        await ReadHeldAsync(connection, null, run, cancellationToken);
    }

    /// <summary>
    /// Reads a completed run back from the database and recomputes its fingerprint: what an auditor runs to prove that
    /// the rows a report was made from are still exactly there. Refuses a run that is unknown or has no fingerprint
    /// (still loading, or failed: its rows were deleted).
    /// </summary>
    public static async Task<FingerprintVerification> VerifyFingerprintAsync(
        IStagingProvider provider,
        RunId run,
        CancellationToken cancellationToken)
    {
        (string EntityName, int FiscalYear, string Status, string? Fingerprint) row;
        await using (var connection = await provider.OpenAsync(cancellationToken))
        {
            row = await connection.QuerySingleOrDefaultAsync<(string, int, string, string?)>(new CommandDefinition(
                "SELECT entity_name, fiscal_year, status, fingerprint FROM runs WHERE run_id = @run", new { run = run
                    .Value }, cancellationToken: cancellationToken));
        }

        if (row.EntityName is null)
        {
            throw new StagingException(
                $"Run {run} is not in {provider.Target}. List the runs with `bascule runs` (same --provider and --connection).");
        }

        var status = RunStatuses.Parse(row.Status);
        if (row.Fingerprint is null)
        {
            throw new StagingException($"Run {run} is {status.ToCode()} and has no fingerprint to verify: only a run that completed "
                + $"(published, held or superseded) has one.");
        }

        var now = await RunFingerprint.ComputeAsync(provider, run, cancellationToken);
        return new FingerprintVerification(run, row.EntityName, row.FiscalYear, status, row.Fingerprint, now);
    }

    /// <summary>
    /// Marks a loading run failed and deletes its rows; the published data stays exactly as it was. Returns the run's
    /// status after: failed, or the status it reached before this call could fail it (a publish whose commit went
    /// through although its caller saw a fault or a cancellation), whose rows are then kept.
    /// </summary>
    public static async Task<RunStatus> FailAsync(IStagingProvider provider, RunId run, string message, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var marked = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE runs SET status = 'failed', finished_utc = @now, failure_message = @message WHERE run_id = @run AND status = 'loading'",
            new { run = run.Value, now = DateTime.UtcNow, message },
            transaction,
            cancellationToken: cancellationToken));
        var status = marked == 1
            ? RunStatus.Failed
            : await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
                "SELECT status FROM runs WHERE run_id = @run", new { run = run
                    .Value }, transaction, cancellationToken: cancellationToken)) is { } code
                ? RunStatuses.Parse(code)
                : RunStatus.Failed;
        // A run failed by another (abandoned: its lease was lost) may have written rows since: they go too.
        if (status == RunStatus.Failed)
        {
            await DeleteRowsAsync(connection, transaction, run.Value, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return status;
    }

    public static async Task DeleteBatchAsync(
        DbConnection connection,
        DbTransaction transaction,
        RunId run,
        int batch,
        CancellationToken cancellationToken)
    {
        foreach (var table in StagingTables.All)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                table.DeleteBatchSql,
                new { run = run.Value, batch },
                transaction,
                cancellationToken: cancellationToken));
        }
    }

    /// <summary>Deletes every row of a run (data tables and source files) inside the caller's transaction.</summary>
    internal static async Task DeleteRowsAsync(
        DbConnection connection,
        DbTransaction transaction,
        string run,
        CancellationToken cancellationToken)
    {
        foreach (var table in StagingTables.All)
        {
            await connection.ExecuteAsync(
                new CommandDefinition(table.DeleteRunSql, new { run }, transaction, cancellationToken: cancellationToken));
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM run_files WHERE run_id = @run",
            new { run },
            transaction,
            cancellationToken: cancellationToken));
    }

    private static async Task MarkHeldAsync(
        DbConnection connection, DbTransaction transaction, RunId run, RunHeader header, string fingerprint, string message,
        string reconciliationStatus, CancellationToken cancellationToken)
    {
        var held = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE runs SET status = 'held', fingerprint = @fingerprint, finished_utc = @now, failure_message = @message,
            reconciliation_status = @status
            WHERE run_id = @run AND status = 'loading'
            """,
            new { run = run.Value, fingerprint, now = DateTime.UtcNow, message, status = reconciliationStatus },
            transaction,
            cancellationToken: cancellationToken));
        if (held != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            throw new StagingException(
                $"Run {run} could not be held: it is no longer loading (a later run of {header.EntityName} {header.FiscalYear} found it "
                    + $"abandoned and cleaned it up). " +
                "Nothing was published by this run; check `bascule runs` and run migrate again if needed.");
        }
    }

    // The one publish path: supersedes the entity-year's published run and the runs of it held before this one started,
    // then publishes this run if it is still in the expected status. Returns whether it was, and the run it superseded.
    private static async Task<(bool Published, RunId? Superseded)> PublishInTransactionAsync(
        DbConnection connection, DbTransaction transaction, string run, EntityYear entityYear, string from, string? fingerprint,
        PublishOverride? publishOverride, CancellationToken cancellationToken)
    {
        var superseded = await PublishedRunAsync(connection, transaction, entityYear, run, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE runs SET status = 'superseded'
            WHERE ins_code = @insCode AND entity_type = @entityType AND fiscal_year = @fiscalYear AND run_id <> @run
              AND (status = 'published' OR (status = 'held' AND started_utc < (SELECT started_utc FROM runs WHERE run_id = @run)))
            """,
            new { run, insCode = entityYear.InsCode, entityType = entityYear.EntityType, fiscalYear = entityYear.FiscalYear },
            transaction,
            cancellationToken: cancellationToken));
        var published = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE runs SET status = 'published', fingerprint = COALESCE(@fingerprint, fingerprint), finished_utc = COALESCE(finished_utc,
            @now),
                            override_by = @overrideBy, override_utc = @overrideUtc, override_reason = @overrideReason
            WHERE run_id = @run AND status = @from
            """,
            new
            {
                run,
                from,
                fingerprint,
                now = DateTime.UtcNow,
                overrideBy = publishOverride?.By,
                overrideUtc = publishOverride?.Utc,
                overrideReason = publishOverride?.Reason,
            },
            transaction,
            cancellationToken: cancellationToken));
        return (published == 1, superseded);
    }

    /// <summary>The published run of the entity and year in the header, if any.</summary>
    public static async Task<RunId?> PublishedRunAsync(IStagingProvider provider, RunHeader header, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(header);
        await using var connection = await provider.OpenAsync(cancellationToken);
        return await PublishedRunAsync(
            connection,
            null,
            new EntityYear(header.InsCode, header.EntityType.ToCode(), header.FiscalYear.Value),
            "",
            cancellationToken);
    }

    private static async Task<RunId?> PublishedRunAsync(
        DbConnection connection,
        DbTransaction? transaction,
        EntityYear entityYear,
        string except,
        CancellationToken cancellationToken)
    {
        var id = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT run_id FROM runs WHERE ins_code = @insCode AND entity_type = @entityType AND fiscal_year = @fiscalYear AND status = "
                + "'published' AND run_id <> @except",
            new { except, insCode = entityYear.InsCode, entityType = entityYear.EntityType, fiscalYear = entityYear.FiscalYear },
            transaction,
            cancellationToken: cancellationToken));
        return id is not null && RunId.TryParse(id, out var runId) ? runId : null;
    }

    private static async Task<HeldRow> ReadHeldAsync(
        DbConnection connection,
        DbTransaction? transaction,
        RunId run,
        CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<HeldRow>(new CommandDefinition(
            """
            SELECT entity_name AS EntityName, entity_type AS EntityType, ins_code AS InsCode, fiscal_year AS FiscalYear, status AS Status,
            fingerprint AS Fingerprint
            FROM runs WHERE run_id = @run
            """,
            new { run = run.Value },
            transaction,
            cancellationToken: cancellationToken))
            ?? throw new StagingException($"There is no run {run} in the staging database: check the run id with `bascule runs`.");
        if (row.Status != "held")
        {
            throw new StagingException(
                $"Run {run} ({row.EntityName} {row.FiscalYear}) is {row.Status}, not held: only a held run (its reconciliation FAILED, or "
                    + $"worse than the published run's) " +
                "is published with `bascule publish`. Nothing was changed.");
        }

        return row;
    }

    private readonly record struct EntityYear(string InsCode, string EntityType, int FiscalYear);

    private sealed class PublishedStatus
    {
        public string RunId { get; set; } = "";

        public string? Status { get; set; }
    }

    private sealed class HeldRow
    {
        public string EntityName { get; set; } = "";

        public string EntityType { get; set; } = "";

        public string InsCode { get; set; } = "";

        public int FiscalYear { get; set; }

        public string Status { get; set; } = "";

        public string? Fingerprint { get; set; }
    }
}

/// <summary>
/// What <see cref="RunStore.PublishUnlessWorseAsync"/> did: published, or held because the published run
/// <paramref name="StillPublished"/> has a better reconciliation (<paramref name="HeldMessage"/> says so).
/// </summary>
public sealed record PublishOutcome(bool Published, RunId? StillPublished, string? HeldMessage);

/// <summary>A held run published after review: the run, its entity and year, its fingerprint, the run it superseded (if any) and the
/// override recorded.</summary>
public sealed record HeldRunPublished(
    RunId Run,
    string EntityName,
    int FiscalYear,
    string Fingerprint,
    RunId? Superseded,
    PublishOverride Override,
    SignOff SignOff);
