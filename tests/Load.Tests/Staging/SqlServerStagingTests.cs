using Bascule.Load.Providers;
using Bascule.Load.Providers.SqlServer;
using Bascule.TestSupport;
using Dapper;
using Microsoft.Data.SqlClient;

namespace Bascule.Load.Tests.Staging;

public sealed class SqlServerStagingTests(SqlServerInstance instance) : StagingTests
{
    private string? _connectionString;

    protected override async Task<IStagingProvider> CreateProviderAsync(StagingProviderOptions options)
    {
        _connectionString = await instance.CreateDatabaseAsync();
        return new SqlServerStagingProvider(_connectionString);
    }

    // A second connection kills the loading session, as a failover would; the next attempt reconnects.
    protected override Func<BatchAttempt, CancellationToken, ValueTask> TransientFaultAt(int batch, IStagingProvider provider) =>
        async (attempt, ct) =>
        {
            if (attempt.Batch != batch || attempt.Attempt != 1)
            {
                return;
            }

            var session = await attempt.Connection.ExecuteScalarAsync<short>("SELECT @@SPID");
            await using var admin = new SqlConnection(_connectionString);
            await admin.OpenAsync(ct);
            await admin.ExecuteAsync("DECLARE @sql NVARCHAR(50) = N'KILL ' + CAST(@session AS NVARCHAR(10)); EXEC (@sql);", new { session });
        };
}
