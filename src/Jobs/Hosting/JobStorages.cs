using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using Npgsql;

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
    /// The storage of <paramref name="kind"/>, after one attempt to reach its database: a command fails at once with the
    /// reason, and <c>serve</c> tries again within its start-up budget (<see cref="Health.StartupChecks"/>). A kind or
    /// connection that cannot be used throws <see cref="ArgumentException"/> with a message for the user (no parameter
    /// name appended). <paramref name="invisibility"/> (default 30 min) is how soon a job of a process that died is
    /// taken over.
    /// </summary>
    public static JobStorage Create(
        string kind,
        string? connection,
        InvisibilityTimeout? invisibility = null) => kind.Trim().ToLowerInvariant() switch
    {
        InMemory => new InMemoryStorage(),
        Postgres when string.IsNullOrWhiteSpace(connection) => throw new ArgumentException(
            "The postgres job storage needs a connection string: give --jobs-connection or set Jobs:Connection "
                + "(BASCULE_JOBS__CONNECTION)."),
        Postgres => CreatePostgres(connection, PostgresOptions(invisibility)),
        SqlServer when string.IsNullOrWhiteSpace(connection) => throw new ArgumentException(
            "The sqlserver job storage needs a connection string: give --jobs-connection or set Jobs:Connection "
                + "(BASCULE_JOBS__CONNECTION)."),
        SqlServer => new SqlServerStorage(connection, SqlServerOptions(invisibility)),
        _ => throw new ArgumentException(
            $"Unknown job storage '{kind}': use inmemory (single serve process), postgres or sqlserver (shared; option --jobs-storage or "
                + $"setting Jobs:Storage)."),
    };

    // Any 64-bit number no other application on the job database takes: "Bascule" and 1.
    private const long SchemaInstallLock = 0x42617363756C6501;

    /// <summary>
    /// The storage's constructor installs or upgrades Hangfire's schema, with no lock of its own: two serve processes
    /// started together on a new database both create its tables, and PostgreSQL fails one of them ("could not find
    /// tuple for constraint"). A session advisory lock held around the constructor makes the second wait for the first
    /// and then find the schema in place.
    /// </summary>
    private static PostgreSqlStorage CreatePostgres(string connection, PostgreSqlStorageOptions options)
    {
        using var guard = new NpgsqlConnection(connection);
        guard.Open();
        using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", guard))
        {
            take.Parameters.AddWithValue("key", SchemaInstallLock);
            take.CommandTimeout = 120;
            take.ExecuteNonQuery();
        }

        try
        {
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(connection, options), options);
        }
        finally
        {
            // Released here: a pooled connection would keep its session, and the lock, after Dispose.
            using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", guard);
            release.Parameters.AddWithValue("key", SchemaInstallLock);
            release.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// A fetched job's row is hidden for the invisibility timeout and, sliding, touched every fifth of it while its
    /// server lives. Hangfire.PostgreSql's locks are rows that outlive a killed process, removed only once older than
    /// <see cref="PostgreSqlStorageOptions.DistributedLockTimeout"/>: that is the same timeout, or the job taken over
    /// would find its entity-year lock still held by the dead process. A live run older than that may then lose that
    /// lock to a second job of its entity and year; its run lease in the staging database keeps the two runs apart.
    /// </summary>
    public static PostgreSqlStorageOptions PostgresOptions(InvisibilityTimeout? invisibility = null) => new()
    {
        // No retries inside the constructor: its back-off (up to minutes) left `serve` silent with a wrong password.
        StartupConnectionMaxRetries = 0,
        InvisibilityTimeout = (invisibility ?? Hosting.InvisibilityTimeout.Default).Value,
        UseSlidingInvisibilityTimeout = true,
        DistributedLockTimeout = (invisibility ?? Hosting.InvisibilityTimeout.Default).Value,
        QueuePollInterval = TimeSpan.FromSeconds(1),
        PrepareSchemaIfNecessary = true,
    };

    /// <summary>
    /// SQL Server storage for shared servers whose staging database is SQL Server. A fetched job stays invisible while
    /// its server's keep-alive renews the sliding timeout (every fifth of it), so a migration of any length runs once; a
    /// job of a dead server comes back after <paramref name="invisibility"/>; its entity-year lock, an application lock
    /// of the dead server's session, went with that session. Set here rather than left to the package defaults
    /// (which changed between Hangfire versions), so an upgrade cannot bring back the fetch that holds a transaction
    /// open for the whole job.
    /// </summary>
    public static SqlServerStorageOptions SqlServerOptions(InvisibilityTimeout? invisibility = null) => new()
    {
        SlidingInvisibilityTimeout = (invisibility ?? Hosting.InvisibilityTimeout.Default).Value,
        // With the sliding timeout, an empty queue is watched with short application locks instead of polling.
        QueuePollInterval = TimeSpan.Zero,
        CommandBatchMaxTimeout = TimeSpan.FromMinutes(5),
        UseRecommendedIsolationLevel = true,
        DisableGlobalLocks = true,
        PrepareSchemaIfNecessary = true,
    };
}
