using System.Data.Common;
using Bascule.Extract.Values;
using Bascule.Load.Rows;
using Bascule.Load.Runs;
using Bascule.Load.Schema;
using Bascule.Load.Tables;
using Dapper;
using Npgsql;

namespace Bascule.Load.Providers.Postgres;

/// <summary>PostgreSQL: rows go in by binary COPY (see <see cref="PostgresCopyWriter"/>), inside the batch's transaction. Runs of different
/// entities load truly in parallel.</summary>
public sealed class PostgresStagingProvider : IStagingProvider
{
    /// <summary>The table of applied schema scripts, created before the first script runs.</summary>
    public const string SchemaVersionTable =
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, script TEXT NOT NULL, applied_utc TIMESTAMPTZ "
            + "NOT NULL)";

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _connectionString;

    public PostgresStagingProvider(string connectionString)
    {
        StagingTypeHandlers.Register();
        _connectionString = connectionString;
        _dataSource = NpgsqlDataSource.Create(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Target = $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}";
    }

    /// <summary>The schema scripts of the <c>postgres</c> folder, upgraded under an advisory lock.</summary>
    public static SchemaRunner Schema { get; } = new("postgres", SchemaVersionTable, new PostgresSchemaLock());

    public StagingProviderKind Kind => StagingProviderKind.Postgres;

    public string Target { get; }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    // The run just loaded is not in the planner's statistics yet (autovacuum analyses later): it estimates a handful of
    // rows and sorts a million of them through an on-disk merge to group them (2 to 4 s a query on a million-line run,
    // against 0.6 s hashed). Sorting off makes it hash whatever its estimate, and hashing gets the memory a large run's
    // documents need (about 240 MB for 300,000 documents; beyond it PostgreSQL spills to disk rather than failing). Both
    // are session settings: Npgsql resets the session (DISCARD ALL) when the connection goes back to its pool.
    private const string RunScanSettings = "SET enable_sort = off; SET work_mem = '256MB'";

    public Task<DbConnection> OpenForRunScanAsync(CancellationToken cancellationToken) =>
        RunScanSession.OpenAsync(OpenAsync(cancellationToken), RunScanSettings, cancellationToken);

    public Task EnsureSchemaAsync(CancellationToken cancellationToken) => Schema.EnsureAsync(OpenAsync, cancellationToken);

    public async Task WriteBatchAsync(
        DbConnection connection,
        DbTransaction transaction,
        StagingBatch batch,
        RunId run,
        int batchNumber,
        CancellationToken cancellationToken)
    {
        var npgsql = (NpgsqlConnection)connection;
        foreach (var table in StagingTables.All.Where(t => t.CountIn(batch) > 0))
        {
            // A fault or a cancellation before CompleteAsync aborts the COPY; the exception fails this attempt's transaction.
            await using var writer = await PostgresCopyWriter.BeginAsync(
                npgsql,
                table.PostgresCopy,
                table.Columns.Count,
                cancellationToken);
            table.Write(batch, run, batchNumber, writer);
            await writer.CompleteAsync();
        }
    }

    public bool IsTransient(Exception exception) => exception switch
    {
        PostgresException pg => pg.IsTransient || pg.SqlState.StartsWith("08", StringComparison.Ordinal)
            || pg.SqlState is "40001" or "40P01" or "57P01" or "57P02" or "57P03" or "53300",
        NpgsqlException npgsql => npgsql.IsTransient,
        TimeoutException => true,
        _ => false,
    };

    public Amount ReadAmount(DbDataReader reader, int ordinal) => Amount.FromEuros(reader.GetDecimal(ordinal));

    public string Scrub(string message) => ConnectionText.Scrub(message, _connectionString);

    public object ToParameter(Amount amount) => amount.Value;

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
