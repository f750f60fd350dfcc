using System.Data.Common;

namespace Bascule.Load;

/// <summary>How a run writes: batch size and the bounded retry of transient faults.</summary>
public sealed record StagingOptions
{
    /// <summary>Rows per batch, all tables together. A batch is one transaction and the unit of retry.</summary>
    public int BatchSize { get; init; } = 20_000;

    /// <summary>Retries after the first attempt of a batch; delays grow exponentially, with jitter.</summary>
    public int MaxRetryAttempts { get; init; } = 5;

    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Memory for computing the fingerprint while loading: the canonical text of every row but the ledger's staged lines
    /// (unmapped, rejected, side files) waits here for its turn. A run whose exceptions outgrow it is fingerprinted by
    /// reading it back from the database instead: the same digest, one more pass over the run.
    /// </summary>
    public long FingerprintMemory { get; init; } = 32L * 1024 * 1024;

    /// <summary>
    /// Called on the fresh connection of every attempt, before the batch's transaction starts. Tests inject real
    /// faults through it (terminating the backend, holding the write lock); instrumentation may count attempts.
    /// </summary>
    public Func<BatchAttempt, CancellationToken, ValueTask>? BeforeBatchWrite { get; init; }
}

/// <summary>One attempt at writing one batch.</summary>
public sealed record BatchAttempt(int Batch, int Attempt, DbConnection Connection);
