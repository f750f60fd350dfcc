using System.Data.Common;
using Bascule.Extract.Values;
using Bascule.Load.Providers;
using Bascule.Load.Tables;
using Dapper;

namespace Bascule.Load.Runs;

/// <summary>The runs table: every status change of a run, in plain parameterised SQL shared by all providers.</summary>
public static class RunStore
{
    public static async Task InsertAsync(IStagingProvider provider, RunId run, RunHeader header, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO runs (run_id, entity_name, entity_type, ins_code, fiscal_year, status, mapping_id, mapping_version, mapping_sha256,
                              started_utc, started_by, tool_version, job)
            VALUES (@run, @entityName, @entityType, @insCode, @fiscalYear, 'loading', @mappingId, @mappingVersion, @mappingSha256,
                    @startedUtc, @startedBy, @toolVersion, @job)
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
                startedUtc = DateTime.UtcNow,
                startedBy = header.StartedBy,
                toolVersion = header.ToolVersion,
                job = header.Job,
            },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Runs of the same entity and year left <c>loading</c> by a process that died (killed, crashed, lost its
    /// connection) become <c>failed</c>, and their rows and those of earlier failed runs are deleted.
    /// </summary>
    public static async Task<IReadOnlyList<RunId>> AbandonStaleAsync(IStagingProvider provider, RunHeader header, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        var stale = (await connection.QueryAsync<string>(new CommandDefinition(
            """
            SELECT run_id FROM runs
            WHERE ins_code = @insCode AND entity_type = @entityType AND fiscal_year = @fiscalYear AND status IN ('loading', 'failed')
            """,
            new { insCode = header.InsCode, entityType = header.EntityType.ToCode(), fiscalYear = header.FiscalYear.Value },
            cancellationToken: cancellationToken))).ToList();
        var abandoned = new List<RunId>();
        foreach (var id in stale)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var marked = await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE runs SET status = 'failed', finished_utc = @now, failure_message = @message WHERE run_id = @run AND status = 'loading'",
                new { run = id, now = DateTime.UtcNow, message = "Abandoned: the run stopped while loading (process killed or crashed); a later run of the same entity and year cleaned it up." },
                transaction,
                cancellationToken: cancellationToken));
            await DeleteRowsAsync(connection, transaction, id, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (marked > 0 && RunId.TryParse(id, out var runId))
            {
                abandoned.Add(runId);
            }
        }

        return abandoned;
    }

    public static async Task RecordFilesAsync(IStagingProvider provider, RunId run, IReadOnlyList<RunFile> files, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM run_files WHERE run_id = @run", new { run = run.Value }, transaction, cancellationToken: cancellationToken));
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
    /// The one commit that makes a run visible: the entity's published run for that year becomes superseded and this
    /// one published, or neither happens.
    /// </summary>
    public static async Task PublishAsync(IStagingProvider provider, RunId run, RunHeader header, string fingerprint, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE runs SET status = 'superseded'
            WHERE ins_code = @insCode AND entity_type = @entityType AND fiscal_year = @fiscalYear AND status = 'published' AND run_id <> @run
            """,
            new { run = run.Value, insCode = header.InsCode, entityType = header.EntityType.ToCode(), fiscalYear = header.FiscalYear.Value },
            transaction,
            cancellationToken: cancellationToken));
        var published = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE runs SET status = 'published', fingerprint = @fingerprint, finished_utc = @now WHERE run_id = @run AND status = 'loading'",
            new { run = run.Value, fingerprint, now = DateTime.UtcNow },
            transaction,
            cancellationToken: cancellationToken));
        if (published != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            throw new StagingException(
                $"Run {run} could not be published: it is no longer loading (a later run of {header.EntityName} {header.FiscalYear} abandoned it). " +
                "Nothing was published by this run; check `bascule runs` and run migrate again if needed.");
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Marks a loading run failed and deletes its rows; the published data stays exactly as it was.</summary>
    public static async Task FailAsync(IStagingProvider provider, RunId run, string message, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE runs SET status = 'failed', finished_utc = @now, failure_message = @message WHERE run_id = @run AND status = 'loading'",
            new { run = run.Value, now = DateTime.UtcNow, message },
            transaction,
            cancellationToken: cancellationToken));
        await DeleteRowsAsync(connection, transaction, run.Value, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public static async Task DeleteBatchAsync(DbConnection connection, DbTransaction transaction, RunId run, int batch, CancellationToken cancellationToken)
    {
        foreach (var table in StagingTables.All)
        {
            await connection.ExecuteAsync(new CommandDefinition(table.DeleteBatchSql, new { run = run.Value, batch }, transaction, cancellationToken: cancellationToken));
        }
    }

    private static async Task DeleteRowsAsync(DbConnection connection, DbTransaction transaction, string run, CancellationToken cancellationToken)
    {
        foreach (var table in StagingTables.All)
        {
            await connection.ExecuteAsync(new CommandDefinition(table.DeleteRunSql, new { run }, transaction, cancellationToken: cancellationToken));
        }

        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM run_files WHERE run_id = @run", new { run }, transaction, cancellationToken: cancellationToken));
    }
}
