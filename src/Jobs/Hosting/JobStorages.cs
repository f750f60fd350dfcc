using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;

namespace Bascule.Jobs.Hosting;

/// <summary>
/// The Hangfire job storage, following the staging choice. <c>inmemory</c> is the embedded default of a single
/// <c>bascule serve</c>: nothing to install, but jobs live in that process only (lost on restart, unreachable from
/// <c>bascule enqueue</c> in another process). <c>postgres</c> and <c>sqlserver</c> are the shared storages of a
/// scale-out and of the CLI, on the same kind of server as the staging database.
/// </summary>
public static class JobStorages
{
    public const string InMemory = "inmemory";
    public const string Postgres = "postgres";
    public const string SqlServer = "sqlserver";

    /// <summary>
    /// A job is hidden from other servers while one processes it; the sliding timeout renews that as long as the
    /// processing server's heartbeat lives, so a migration longer than the timeout is never picked up a second time,
    /// and a job of a dead server comes back after at most this long.
    /// </summary>
    public static readonly TimeSpan InvisibilityTimeout = TimeSpan.FromMinutes(30);

    /// <summary>
    /// PostgreSQL lock rows older than this are taken as left by a dead process and removed: it must exceed the
    /// longest migration, since the entity-year lock is held for the whole run.
    /// </summary>
    public static readonly TimeSpan LockExpiry = TimeSpan.FromHours(4);

    /// <summary>
    /// The storage of <paramref name="kind"/>, after one attempt to reach its database: a command fails at once with the
    /// reason, and <c>serve</c> tries again within its start-up budget (<see cref="Health.StartupChecks"/>). A kind or
    /// connection that cannot be used throws <see cref="ArgumentException"/> with a message for the user (no parameter
    /// name appended).
    /// </summary>
    public static JobStorage Create(string kind, string? connection) => kind.Trim().ToLowerInvariant() switch
    {
        InMemory => new InMemoryStorage(),
        Postgres when string.IsNullOrWhiteSpace(connection) => throw new ArgumentException(
            "The postgres job storage needs a connection string: give --jobs-connection or set Jobs:Connection (BASCULE_JOBS__CONNECTION)."),
        Postgres => new PostgreSqlStorage(new NpgsqlConnectionFactory(connection, PostgresOptions()), PostgresOptions()),
        SqlServer when string.IsNullOrWhiteSpace(connection) => throw new ArgumentException(
            "The sqlserver job storage needs a connection string: give --jobs-connection or set Jobs:Connection (BASCULE_JOBS__CONNECTION)."),
        SqlServer => new SqlServerStorage(connection, SqlServerOptions()),
        _ => throw new ArgumentException(
            $"Unknown job storage '{kind}': use inmemory (single serve process), postgres or sqlserver (shared; option --jobs-storage or setting Jobs:Storage)."),
    };

    public static PostgreSqlStorageOptions PostgresOptions() => new()
    {
        // No retries inside the constructor: its back-off (up to minutes) left `serve` silent with a wrong password.
        StartupConnectionMaxRetries = 0,
        InvisibilityTimeout = InvisibilityTimeout,
        UseSlidingInvisibilityTimeout = true,
        DistributedLockTimeout = LockExpiry,
        QueuePollInterval = TimeSpan.FromSeconds(1),
        PrepareSchemaIfNecessary = true,
    };

    /// <summary>
    /// SQL Server storage for shared servers whose staging database is SQL Server. A fetched job stays invisible while
    /// its server's keep-alive renews the sliding timeout, so a migration of any length runs once; a job of a dead
    /// server comes back after <see cref="InvisibilityTimeout"/>. Set here rather than left to the package defaults
    /// (which changed between Hangfire versions), so an upgrade cannot bring back the fetch that holds a transaction
    /// open for the whole job.
    /// </summary>
    public static SqlServerStorageOptions SqlServerOptions() => new()
    {
        SlidingInvisibilityTimeout = InvisibilityTimeout,
        // With the sliding timeout, an empty queue is watched with short application locks instead of polling.
        QueuePollInterval = TimeSpan.Zero,
        CommandBatchMaxTimeout = TimeSpan.FromMinutes(5),
        UseRecommendedIsolationLevel = true,
        DisableGlobalLocks = true,
        PrepareSchemaIfNecessary = true,
    };
}
