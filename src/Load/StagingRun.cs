using System.Data.Common;
using Bascule.Extract.Records;
using Bascule.Load.Providers;
using Bascule.Load.Resilience;
using Bascule.Load.Rows;
using Bascule.Load.Runs;
using Bascule.Load.Runs.Leases;
using Bascule.Load.Tables;
using Bascule.Transform.Mapping;
using Polly;

namespace Bascule.Load;

/// <summary>
/// One migration run being loaded. Rows are encoded into batches as they are added (<see cref="RowBuffer"/>); each
/// batch is written in one transaction, retried on transient faults, and replaces itself when retried (its rows carry the
/// batch number), so a retry never duplicates. A full batch is written in the background while the next one fills (two
/// buffers, at most one write in flight), so parsing and mapping overlap with the database. Nothing is visible until
/// <see cref="PublishAsync"/> commits the run; <see cref="FailAsync"/> removes it. While it loads, the run holds a lease on
/// its entity and year, renewed by a heartbeat (<see cref="RunLease"/>) until it is published, held or failed; disposing a
/// run that is still loading stops the heartbeat and leaves the run as a killed process would (the next run of the entity
/// and year cleans it up).
/// </summary>
public sealed class StagingRun : IAsyncDisposable
{
    private readonly IStagingProvider _provider;
    private readonly StagingOptions _options;
    private readonly ResiliencePipeline _retry;
    private readonly StreamedFingerprint _fingerprint;
    private readonly RunLease _lease;
    private StagingBatch _batch = new();
    private StagingBatch _spare = new();
    private Task _pending = Task.CompletedTask;
    private int _batchNumber;
    private Lineage? _lastRejected;
    private int _rejectedPart;

    private StagingRun(IStagingProvider provider, RunId id, RunHeader header, StagingOptions options)
    {
        _provider = provider;
        _lease = RunLease.Hold(provider, id, options);
        _options = options;
        _retry = BatchRetry.Create(provider, options);
        _fingerprint = new StreamedFingerprint(options.FingerprintMemory);
        Id = id;
        Header = header;
    }

    public RunId Id { get; }

    public RunHeader Header { get; }

    /// <summary>Rows committed so far, all tables together.</summary>
    public long RowsWritten { get; private set; }

    /// <summary>Batch attempts that met a transient fault and were retried.</summary>
    public int Retries { get; private set; }

    /// <summary>Runs of the same entity and year that an earlier process left loading, cleaned up when this run began.</summary>
    public IReadOnlyList<RunId> Abandoned { get; private init; } = [];

    /// <summary>Cancelled when the run lost its lease: another run found it expired and cleaned this one up.</summary>
    public CancellationToken LeaseLost => _lease.Lost;

    /// <summary>Why the lease was lost, or null.</summary>
    public string? LeaseLostMessage => _lease.LostMessage;

    /// <summary>
    /// Brings the schema up to date, takes the entity and year (waiting for, or refusing beside, a run of them that is
    /// still loading: see <see cref="StagingOptions.WaitForLease"/>), cleans up abandoned runs of them, and records the
    /// new run as loading with this process's lease.
    /// </summary>
    /// <exception cref="RunInProgressException">Another run of the entity and year holds a live lease; nothing was written.</exception>
    public static async Task<StagingRun> BeginAsync(
        IStagingProvider provider,
        RunHeader header,
        StagingOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new StagingOptions();
        await provider.EnsureSchemaAsync(cancellationToken);
        var id = RunId.New();
        var abandoned = await RunClaim.ClaimAsync(provider, id, header, options, cancellationToken);
        return new StagingRun(provider, id, header, options) { Abandoned = abandoned };
    }

    public ValueTask AddStagedAsync(TargetLine line, CancellationToken cancellationToken = default)
        => Added(StagedLinesTable.Instance, line, cancellationToken);

    public ValueTask AddUnmappedAsync(LedgerLine line, CancellationToken cancellationToken = default)
        => Added(UnmappedLinesTable.Instance, line, cancellationToken);

    public ValueTask AddRejectedAsync(Rejected rejected, CancellationToken cancellationToken = default)
    {
        // Several rejections of one record are numbered, so each row keeps a distinct canonical position.
        _rejectedPart = _lastRejected == rejected.Lineage ? _rejectedPart + 1 : 1;
        _lastRejected = rejected.Lineage;
        return Added(RejectedLinesTable.Instance, new RejectedRow(rejected, _rejectedPart), cancellationToken);
    }

    public ValueTask AddBalanceAsync(LegacyBalanceRow row, CancellationToken cancellationToken = default)
        => Added(LegacyBalanceTable.Instance, row, cancellationToken);

    public ValueTask AddArticleAsync(BudgetArticleRow row, CancellationToken cancellationToken = default)
        => Added(BudgetArticlesTable.Instance, row, cancellationToken);

    public ValueTask AddCommitmentAsync(CommitmentRow row, CancellationToken cancellationToken = default)
        => Added(CommitmentsTable.Instance, row, cancellationToken);

    public ValueTask AddThirdPartyAsync(ThirdPartyRow row, CancellationToken cancellationToken = default)
        => Added(ThirdPartiesTable.Instance, row, cancellationToken);

    public Task RecordFilesAsync(IReadOnlyList<RunFile> files, CancellationToken cancellationToken = default) =>
        RunStore.RecordFilesAsync(_provider, Id, files, cancellationToken);

    /// <summary>
    /// Writes the rows still buffered and waits until every batch is committed; the batches' memory goes with them (a run
    /// lives on through its reconciliation and reports, when the most memory is needed).
    /// </summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        await StartWriteAsync(cancellationToken);
        await _pending;
        // Both written and fingerprinted: StartWriteAsync fingerprints a batch before it returns.
        _batch.Release();
        _spare.Release();
    }

    /// <summary>
    /// Why the fingerprint had to be read back from the database rather than computed while loading (see
    /// <see cref="StagingOptions.FingerprintMemory"/>), or null when it was computed while loading.
    /// </summary>
    public string? FingerprintReadBack { get; private set; }

    /// <summary>
    /// Writes the rows still buffered and returns the run's fingerprint: computed from the rows as they were written,
    /// or, when that was not possible, from what the database holds (the same digest either way).
    /// </summary>
    public async Task<string> FingerprintAsync(CancellationToken cancellationToken = default)
    {
        await FlushAsync(cancellationToken);
        if (_fingerprint.Finish() is { } streamed)
        {
            return streamed;
        }

        FingerprintReadBack = _fingerprint.GaveUp;
        return await RunFingerprint.ComputeAsync(_provider, Id, cancellationToken);
    }

    /// <summary>Makes the run visible and supersedes the entity's previous run for that year, in one commit; the lease ends with
    /// it.</summary>
    public async Task PublishAsync(string fingerprint, CancellationToken cancellationToken = default)
    {
        _lease.Ending();
        await RunStore.PublishAsync(_provider, Id, Header, fingerprint, cancellationToken);
        await _lease.DisposeAsync();
    }

    /// <summary>
    /// Holds the run (its reconciliation is FAILED): finished and fingerprinted, not published; the lease ends with it.
    /// Returns the entity-year's published run, which stays as it was.
    /// </summary>
    public async Task<RunId?> HoldAsync(string fingerprint, string message, CancellationToken cancellationToken = default)
    {
        _lease.Ending();
        var published = await RunStore.HoldAsync(_provider, Id, Header, fingerprint, message, cancellationToken);
        await _lease.DisposeAsync();
        return published;
    }

    /// <summary>Publishes the run unless the published run of its entity and year has a better reconciliation (then holds it).</summary>
    public async Task<PublishOutcome> PublishUnlessWorseAsync(
        string fingerprint,
        string reconciliationStatus,
        CancellationToken cancellationToken = default)
    {
        _lease.Ending();
        var outcome = await RunStore.PublishUnlessWorseAsync(_provider, Id, Header, fingerprint, reconciliationStatus, cancellationToken);
        await _lease.DisposeAsync();
        return outcome;
    }

    /// <summary>Flushes, fingerprints and publishes; returns the fingerprint.</summary>
    public async Task<string> CompleteAsync(CancellationToken cancellationToken = default)
    {
        var fingerprint = await FingerprintAsync(cancellationToken);
        await PublishAsync(fingerprint, cancellationToken);
        return fingerprint;
    }

    /// <summary>
    /// Marks the run failed and removes its rows. Not cancellable: a cancelled run must still be cleaned up. The lease
    /// ends first: a run that cannot be marked failed (database gone) is left to the next run of its entity and year,
    /// at once from this process, after its lease expires from any other. Returns the run's status after: failed, or
    /// published (held) when its publish (hold) committed although its caller saw a fault or a cancellation.
    /// </summary>
    public async Task<RunStatus> FailAsync(string message)
    {
        await _lease.DisposeAsync();
        // A batch still in flight must land (or fail) before the run's rows are removed, or it could outlive the cleanup.
        await _pending.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        _fingerprint.Discard();
        return await RunStore.FailAsync(_provider, Id, message, CancellationToken.None);
    }

    /// <summary>Stops the heartbeat. A run still loading stays so, as after a killed process, for the next run to clean up.</summary>
    public ValueTask DisposeAsync() => _lease.DisposeAsync();

    private async ValueTask Added<T>(StagingTable<T> table, T row, CancellationToken cancellationToken)
    {
        table.Add(_batch, row);
        if (_batch.Count >= _options.BatchSize)
        {
            await StartWriteAsync(cancellationToken);
        }
    }

    // Waits for the write in flight (its fault surfaces here), then hands the full buffer to a background write.
    private async Task StartWriteAsync(CancellationToken cancellationToken)
    {
        await _pending;
        if (_batch.Count == 0)
        {
            return;
        }

        var full = _batch;
        // The spare buffer's write is over: it is emptied here, never by the writer, as the fingerprint below reads the
        // batch being written.
        _spare.Clear();
        (_batch, _spare) = (_spare, full);
        var number = ++_batchNumber;
        _pending = Task.Run(() => WriteWithRetryAsync(full, number, cancellationToken), cancellationToken);
        // Once per batch, whatever its attempts, on this thread (which only parses and maps) while the database writes;
        // both only read the batch.
        _fingerprint.Add(full, Id, number);
    }

    private async Task WriteWithRetryAsync(StagingBatch batch, int number, CancellationToken cancellationToken)
    {
        var attempt = 0;
        try
        {
            await _retry.ExecuteAsync(
                async token =>
                {
                    if (++attempt > 1)
                    {
                        Retries++;
                    }

                    await WriteAsync(batch, number, attempt, token);
                },
                cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not StagingException)
        {
            var cause = _provider.IsTransient(ex) ? $"still failing after {attempt} attempts" : "a fault that retrying cannot fix";
            throw new StagingException(
                $"Writing batch {number} of run {Id} to {_provider.Target} failed ({cause}): "
                    + $"{(ex is DbException or IOException or TimeoutException ? "" :
                        ex.GetType().Name + ": ")}{_provider.Scrub(ex.Message)} " +
                "The run was not published and the staging data is as it was; fix the cause and run migrate again.",
                ex);
        }

        RowsWritten += batch.Count;
    }

    private async ValueTask WriteAsync(StagingBatch batch, int number, int attempt, CancellationToken cancellationToken)
    {
        await using var connection = await _provider.OpenAsync(cancellationToken);
        if (_options.BeforeBatchWrite is { } hook)
        {
            await hook(new BatchAttempt(number, attempt, connection), cancellationToken);
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // A lost commit acknowledgement may hide a committed earlier attempt: the retry replaces it.
        if (attempt > 1)
        {
            await RunStore.DeleteBatchAsync(connection, transaction, Id, number, cancellationToken);
        }

        await _provider.WriteBatchAsync(connection, transaction, batch, Id, number, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
