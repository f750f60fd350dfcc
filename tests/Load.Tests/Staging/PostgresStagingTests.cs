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

    [Fact]
    public async Task A_run_scan_connection_hashes_its_groups_and_its_settings_do_not_outlive_it()
    {
        var provider = await NewProviderAsync();
        var ct = TestContext.Current.CancellationToken;
        int backend;
        await using (var scan = await provider.OpenForRunScanAsync(ct))
        {
            backend = await scan.ExecuteScalarAsync<int>("SELECT pg_backend_pid()");
            Assert.Equal("off", await scan.ExecuteScalarAsync<string>("SHOW enable_sort"));
            Assert.Equal("256MB", await scan.ExecuteScalarAsync<string>("SHOW work_mem"));
        }

        // The pool hands the same session out again, reset: other work plans as the server is configured.
        await using var next = await provider.OpenAsync(ct);
        Assert.Equal(backend, await next.ExecuteScalarAsync<int>("SELECT pg_backend_pid()"));
        Assert.Equal("on", await next.ExecuteScalarAsync<string>("SHOW enable_sort"));
        Assert.Equal(await next.ExecuteScalarAsync<string>("SELECT boot_val FROM pg_settings WHERE name = 'work_mem'") + "kB",
            await next.ExecuteScalarAsync<string>("SELECT setting || unit FROM pg_settings WHERE name = 'work_mem'"));
    }
}
