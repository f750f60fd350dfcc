using Bascule.Load;
using Bascule.Load.Providers;
using Bascule.Load.Providers.SqlServer;
using Bascule.Load.Rows;
using Bascule.Load.Schema;
using Dapper;
using Microsoft.Data.SqlClient;

namespace Bascule.TestSupport.Staging;

/// <summary>
/// SQL Server: a new database per test on the assembly's <see cref="SqlServerInstance"/> (<c>BASCULE_TEST_SQLSERVER</c>,
/// else Testcontainers.MsSql when a Docker engine answers).
/// </summary>
public sealed class SqlServerDatabase(SqlServerInstance instance) : StagingDatabase
{
    public override StagingProviderKind Kind => StagingProviderKind.SqlServer;

    public override SchemaRunner Schema => SqlServerStagingProvider.Schema;

    public override string? SkipReason => instance.SkipReason;

    public override string IndexesSql =>
        "SELECT name FROM sys.indexes WHERE object_id = OBJECT_ID(@table) AND name IS NOT NULL";

    public override string ColumnsSql =>
        """
        SELECT COLUMN_NAME AS name,
               CASE WHEN DATA_TYPE = 'decimal' THEN CONCAT('decimal(', NUMERIC_PRECISION, ',', NUMERIC_SCALE, ')')
                    ELSE DATA_TYPE END AS type
        FROM INFORMATION_SCHEMA.COLUMNS
        WHERE TABLE_SCHEMA = SCHEMA_NAME() AND TABLE_NAME = @table
        ORDER BY ORDINAL_POSITION
        """;

    public override Task<string> CreateAsync() => instance.CreateDatabaseAsync();

    public override async Task<IStagingProvider> CreateProviderAsync(StagingProviderOptions? options = null) =>
        new SqlServerStagingProvider(await CreateAsync());

    // Run ids are ASCII (VARCHAR), every other text may hold any character (NVARCHAR).
    public override bool Stores(ColumnKind kind, string type) => kind switch
    {
        ColumnKind.Text => type is "nvarchar" or "varchar",
        ColumnKind.Number => type == "int",
        ColumnKind.BigNumber => type == "bigint",
        ColumnKind.Amount => type == "decimal(19,2)",
        _ => type == "date",
    };

    // A second connection kills the loading session, as a failover would; the next attempt reconnects.
    public override Func<BatchAttempt, CancellationToken, ValueTask> TransientFaultAt(int batch, IStagingProvider provider) =>
        async (attempt, ct) =>
        {
            if (attempt.Batch != batch || attempt.Attempt != 1)
            {
                return;
            }

            var session = await attempt.Connection.ExecuteScalarAsync<short>("SELECT @@SPID");
            await using var admin = new SqlConnection(instance.ConnectionString);
            await admin.OpenAsync(ct);
            await admin.ExecuteAsync(
                "DECLARE @sql NVARCHAR(50) = N'KILL ' + CAST(@session AS NVARCHAR(10)); EXEC (@sql);", new { session });
        };
}
