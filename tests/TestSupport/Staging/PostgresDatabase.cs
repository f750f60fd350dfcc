using Bascule.Load;
using Bascule.Load.Providers;
using Bascule.Load.Providers.Postgres;
using Bascule.Load.Rows;
using Bascule.Load.Schema;
using Dapper;
using Npgsql;

namespace Bascule.TestSupport.Staging;

/// <summary>PostgreSQL: a new database per test on the assembly's <see cref="PostgresServer"/>.</summary>
public sealed class PostgresDatabase(PostgresServer server) : StagingDatabase
{
    public override StagingProviderKind Kind => StagingProviderKind.Postgres;

    public override SchemaRunner Schema => PostgresStagingProvider.Schema;

    public override string? SkipReason => server.SkipReason;

    public override string IndexesSql =>
        "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = @table";

    public override string ColumnsSql =>
        """
        SELECT column_name AS name,
               CASE WHEN data_type = 'numeric' THEN 'numeric(' || numeric_precision || ',' || numeric_scale || ')'
                    ELSE data_type END AS type
        FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = @table
        ORDER BY ordinal_position
        """;

    public override Task<string> CreateAsync() => server.CreateDatabaseAsync();

    public override async Task<IStagingProvider> CreateProviderAsync(StagingProviderOptions? options = null) =>
        new PostgresStagingProvider(await CreateAsync());

    public override bool Stores(ColumnKind kind, string type) => type == kind switch
    {
        ColumnKind.Text => "text",
        ColumnKind.Number => "integer",
        ColumnKind.BigNumber => "bigint",
        ColumnKind.Amount => "numeric(19,2)",
        _ => "date",
    };

    // A second connection terminates the loading backend, as a DBA or a failover would; the next attempt reconnects.
    public override Func<BatchAttempt, CancellationToken, ValueTask> TransientFaultAt(int batch, IStagingProvider provider) =>
        async (attempt, ct) =>
        {
            if (attempt.Batch != batch || attempt.Attempt != 1)
            {
                return;
            }

            var pid = ((NpgsqlConnection)attempt.Connection).ProcessID;
            await using var admin = new NpgsqlConnection(server.AdminConnectionString);
            await admin.OpenAsync(ct);
            await admin.ExecuteAsync("SELECT pg_terminate_backend(@pid)", new { pid });
            while (await admin.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM pg_stat_activity WHERE pid = @pid", new { pid }) > 0)
            {
                await Task.Delay(20, ct);
            }
        };
}
