using Bascule.Load.Providers;
using Bascule.Load.Providers.Postgres;
using Bascule.TestSupport;
using Dapper;
using Npgsql;

namespace Bascule.Load.Tests.Staging;

public sealed class PostgresStagingTests(PostgresServer server) : StagingTests
{
    private string? _connectionString;

    protected override async Task<IStagingProvider> CreateProviderAsync(StagingProviderOptions options)
    {
        _connectionString = await server.CreateDatabaseAsync();
        return new PostgresStagingProvider(_connectionString);
    }

    // A second connection terminates the loading backend, as a DBA or a failover would; the next attempt reconnects.
    protected override Func<BatchAttempt, CancellationToken, ValueTask> TransientFaultAt(int batch, IStagingProvider provider) =>
        async (attempt, ct) =>
        {
            if (attempt.Batch != batch || attempt.Attempt != 1)
            {
                return;
            }

            var pid = ((NpgsqlConnection)attempt.Connection).ProcessID;
            await using var admin = new NpgsqlConnection(_connectionString);
            await admin.OpenAsync(ct);
            await admin.ExecuteAsync("SELECT pg_terminate_backend(@pid)", new { pid });
            while (await admin.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM pg_stat_activity WHERE pid = @pid", new { pid }) > 0)
            {
                await Task.Delay(20, ct);
            }
        };
}
