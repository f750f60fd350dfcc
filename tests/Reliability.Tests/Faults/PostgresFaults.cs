using Dapper;
using Npgsql;

namespace Bascule.Reliability.Tests.Faults;

/// <summary>
/// Real faults on a real PostgreSQL, from a second connection as a DBA or a failover would cause them: a backend
/// terminated with <c>pg_terminate_backend</c>, a table or row lock held so that a statement of the run is seen waiting
/// in <c>pg_stat_activity</c> at an exact point.
/// </summary>
[DapperAot(false)]
internal static class PostgresFaults
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>Terminates a backend and waits until it is gone.</summary>
    public static async Task TerminateAsync(string connectionString, int pid, CancellationToken cancellationToken)
    {
        await using var admin = new NpgsqlConnection(connectionString);
        await admin.OpenAsync(cancellationToken);
        await admin.ExecuteAsync("SELECT pg_terminate_backend(@pid)", new { pid });
        while (await admin.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM pg_stat_activity WHERE pid = @pid", new { pid }) > 0)
        {
            await Task.Delay(10, cancellationToken);
        }
    }

    /// <summary>
    /// Waits until a backend of the database waits for a lock while running a statement that contains
    /// <paramref name="statement"/>, and returns its pid.
    /// </summary>
    public static async Task<int> WaitForLockWaiterAsync(string connectionString, string statement, CancellationToken cancellationToken)
    {
        await using var admin = new NpgsqlConnection(connectionString);
        await admin.OpenAsync(cancellationToken);
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            var pid = await admin.ExecuteScalarAsync<int?>(
                """
                SELECT pid FROM pg_stat_activity
                WHERE datname = current_database() AND pid <> pg_backend_pid()
                    AND wait_event_type = 'Lock' AND strpos(query, @statement) > 0
                LIMIT 1
                """,
                new { statement });
            if (pid is { } found)
            {
                return found;
            }

            await Task.Delay(10, cancellationToken);
        }

        throw new TimeoutException($"No backend waited on a lock running '{statement}' within {Patience.TotalSeconds} s.");
    }

    /// <summary>Waits for a backend blocked on <paramref name="statement"/> and terminates it; returns its pid.</summary>
    public static async Task<int> TerminateLockWaiterAsync(string connectionString, string statement, CancellationToken cancellationToken)
    {
        var pid = await WaitForLockWaiterAsync(connectionString, statement, cancellationToken);
        await TerminateAsync(connectionString, pid, cancellationToken);
        return pid;
    }

    /// <summary>Opens a transaction that holds the lock taken by <paramref name="lockSql"/> until the result is disposed.</summary>
    public static async Task<HeldLock> HoldAsync(string connectionString, string lockSql, object? parameters = null)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync(lockSql, parameters, transaction);
        return new HeldLock(connection, transaction);
    }
}

/// <summary>A lock held by a test's own transaction; disposing rolls it back, which releases the lock.</summary>
internal sealed class HeldLock(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
{
    private bool _released;

    public async ValueTask DisposeAsync()
    {
        if (_released)
        {
            return;
        }

        _released = true;
        await transaction.RollbackAsync();
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}
