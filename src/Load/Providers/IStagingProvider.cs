using System.Data.Common;
using Bascule.Extract.Values;
using Bascule.Load.Rows;
using Bascule.Load.Runs;

namespace Bascule.Load.Providers;

/// <summary>
/// A staging database: how to connect, create the schema, write a batch on the database's native bulk path,
/// and which faults are worth retrying. Everything else (runs, publish, fingerprint) is plain SQL shared by all providers.
/// </summary>
public interface IStagingProvider : IAsyncDisposable
{
    StagingProviderKind Kind { get; }

    /// <summary>Where the rows go, for messages: server and database or file, never a password.</summary>
    string Target { get; }

    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// A connection for queries that aggregate or read back whole runs (reconciliation, cut-over, run comparison,
    /// fingerprint read-back). A run just loaded is not yet in the database's statistics; a provider whose planner then
    /// picks poor plans for large runs sets what it needs here.
    /// </summary>
    Task<DbConnection> OpenForRunScanAsync(CancellationToken cancellationToken) => OpenAsync(cancellationToken);

    /// <summary>Creates or upgrades the schema to the newest script; safe to call concurrently and repeatedly.</summary>
    Task EnsureSchemaAsync(CancellationToken cancellationToken);

    /// <summary>Writes every row of the batch inside the given transaction.</summary>
    Task WriteBatchAsync(
        DbConnection connection,
        DbTransaction transaction,
        StagingBatch batch,
        RunId run,
        int batchNumber,
        CancellationToken cancellationToken);

    /// <summary>True for faults that a new attempt on a new connection may not meet again (dropped connection, deadlock, lock
    /// timeout).</summary>
    bool IsTransient(Exception exception);

    /// <summary>Reads an amount column: cents on SQLite, exact decimals elsewhere.</summary>
    Amount ReadAmount(DbDataReader reader, int ordinal);

    /// <summary>The parameter value that stores an amount in an amount column.</summary>
    object ToParameter(Amount amount);

    /// <summary>A database message made safe to show: any secret of the connection string replaced by <c>***</c>.</summary>
    string Scrub(string message);
}
