using Bascule.TestSupport.Staging;
using Dapper;

namespace Bascule.Load.Tests.Staging;

public sealed class PostgresStagingTests(PostgresDatabase database) : StagingTests<PostgresDatabase>(database)
{
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
