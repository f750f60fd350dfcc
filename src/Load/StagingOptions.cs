using System.Data.Common;
using Bascule.Load.Runs.Leases;

namespace Bascule.Load;

/// <summary>How a run writes: batch size, the bounded retry of transient faults, and the lease it holds on its entity and year.</summary>
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
    /// How long a loading run's lease lasts after each heartbeat: a run of the same entity and year that finds it
    /// older than this, from another host whose processes it cannot see, treats the run as abandoned and cleans it up.
    /// Longer than any pause a live process may take (a garbage collection, a lost connection retried) and than the
    /// difference between the hosts' clocks; a crashed run on another host holds its entity and year up to this long.
    /// </summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The heartbeat renews the lease this often, on a timer of its own, whatever the batches do: six times a lease.</summary>
    public TimeSpan HeartbeatInterval => LeaseDuration / 6;

    /// <summary>
    /// How long a new run waits for another run of its entity and year that holds a live lease: zero (the default)
    /// stops at once, before writing anything; <see cref="Timeout.InfiniteTimeSpan"/> waits until that run ends or its
    /// lease expires.
    /// </summary>
    public TimeSpan WaitForLease { get; init; } = TimeSpan.Zero;

    /// <summary>How often a waiting run looks again.</summary>
    public TimeSpan WaitPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Told when a new run starts waiting for a run that holds its entity and year (once per such run).</summary>
    public Action<LoadingRun>? Waiting { get; init; }

    /// <summary>
    /// Called on the fresh connection of every attempt, before the batch's transaction starts. Tests inject real
    /// faults through it (terminating the backend, holding the write lock); instrumentation may count attempts.
    /// </summary>
    public Func<BatchAttempt, CancellationToken, ValueTask>? BeforeBatchWrite { get; init; }
}

/// <summary>One attempt at writing one batch.</summary>
public sealed record BatchAttempt(int Batch, int Attempt, DbConnection Connection);
