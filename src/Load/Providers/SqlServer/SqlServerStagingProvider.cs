using System.Data;
using System.Data.Common;
using Bascule.Extract.Values;
using Bascule.Load.Rows;
using Bascule.Load.Runs;
using Bascule.Load.Schema;
using Bascule.Load.Tables;
using Dapper;
using Microsoft.Data.SqlClient;

namespace Bascule.Load.Providers.SqlServer;

/// <summary>
/// SQL Server: rows go in by SqlBulkCopy with a table lock into heaps, inside the batch's transaction. Bulk-update
/// locks on a heap are compatible with each other, so runs of different entities still load side by side.
/// </summary>
public sealed class SqlServerStagingProvider : IStagingProvider
{
    /// <summary>The table of applied schema scripts, created before the first script runs.</summary>
    public const string SchemaVersionTable =
        "IF OBJECT_ID(N'schema_version', N'U') IS NULL CREATE TABLE schema_version (version INT NOT NULL CONSTRAINT pk_schema_version "
            + "PRIMARY KEY, script NVARCHAR(200) NOT NULL, applied_utc DATETIME2 NOT NULL)";

    // Deadlock victim, timeout, database unavailable, Azure throttling and connection-level faults.
    private static readonly HashSet<int> TransientNumbers
        = [1205, -2, 4060, 40143, 40197, 40501, 40613, 10928, 10929, 10053, 10054, 10060, 49918, 49919, 49920, 233, 64, 1222];

    private readonly string _connectionString;

    public SqlServerStagingProvider(string connectionString)
    {
        StagingTypeHandlers.Register();
        _connectionString = connectionString;
        var builder = new SqlConnectionStringBuilder(connectionString);
        Target = $"SQL Server {builder.DataSource}/{builder.InitialCatalog}";
    }

    /// <summary>The schema scripts of the <c>sqlserver</c> folder, upgraded under an application lock.</summary>
    public static SchemaRunner Schema { get; } = new("sqlserver", SchemaVersionTable, new SqlServerSchemaLock());

    public StagingProviderKind Kind => StagingProviderKind.SqlServer;

    public string Target { get; }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public Task EnsureSchemaAsync(CancellationToken cancellationToken) => Schema.EnsureAsync(OpenAsync, cancellationToken);

    public async Task WriteBatchAsync(
        DbConnection connection,
        DbTransaction transaction,
        StagingBatch batch,
        RunId run,
        int batchNumber,
        CancellationToken cancellationToken)
    {
        foreach (var table in StagingTables.All.Where(t => t.CountIn(batch) > 0))
        {
            using var rows = new DataTable(table.Name) { Locale = System.Globalization.CultureInfo.InvariantCulture };
            foreach (var column in table.Columns)
            {
                rows.Columns.Add(column.Name, ClrType(column.Kind));
            }

            table.Write(batch, run, batchNumber, new DataTableRowSink(rows));
            using var bulk = new SqlBulkCopy((SqlConnection)connection, SqlBulkCopyOptions.TableLock, (SqlTransaction)transaction)
            {
                DestinationTableName = table.Name,
                BulkCopyTimeout = 0,
            };
            foreach (var column in table.Columns)
            {
                bulk.ColumnMappings.Add(column.Name, column.Name);
            }

            await bulk.WriteToServerAsync(rows, cancellationToken);
        }
    }

    public bool IsTransient(Exception exception) => exception switch
    {
        // Class 20 and above closes the connection (killed session, broken transport): a new connection may succeed.
        SqlException sql => sql.Class >= 20 || sql.Errors.Cast<SqlError>().Any(e => TransientNumbers.Contains(e.Number)),
        TimeoutException => true,
        _ => false,
    };

    public Amount ReadAmount(DbDataReader reader, int ordinal) => Amount.FromEuros(reader.GetDecimal(ordinal));

    public string Scrub(string message) => ConnectionText.Scrub(message, _connectionString);

    public object ToParameter(Amount amount) => amount.Value;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static Type ClrType(ColumnKind kind) => kind switch
    {
        ColumnKind.Number => typeof(int),
        ColumnKind.BigNumber => typeof(long),
        ColumnKind.Amount => typeof(decimal),
        ColumnKind.Day => typeof(DateTime),
        _ => typeof(string),
    };
}
