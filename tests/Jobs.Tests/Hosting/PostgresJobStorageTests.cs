using Bascule.Jobs.Hosting;
using Bascule.TestSupport;
using Dapper;
using Npgsql;

namespace Bascule.Jobs.Tests.Hosting;

/// <summary>Hangfire.PostgreSql's storage as several serve processes meet it: on one new database, at the same moment.</summary>
[DapperAot(false)]
public sealed class PostgresJobStorageTests(PostgresServer server)
{
    [Fact]
    public async Task Servers_starting_together_on_a_new_database_all_get_a_storage_and_the_schema_is_installed_once()
    {
        server.SkipIfUnavailable();
        var jobs = await server.CreateDatabaseAsync();

        // Eight at once, as a fleet restarted by its orchestrator; each creates the schema if it finds none.
        using var start = new Barrier(8);
        var creations = Enumerable.Range(0, 8).Select(_ => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait(TestContext.Current.CancellationToken);
                var storage = JobStorages.Create(JobStorages.Postgres, jobs);
                using var connection = storage.GetConnection();
                return connection.GetAllItemsFromSet("bascule:health").Count;
            },
            TestContext.Current.CancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default));

        Assert.All(await Task.WhenAll(creations), items => Assert.Equal(0, items));
        await using var database = new NpgsqlConnection(jobs);
        Assert.Equal(1, await database.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM hangfire.schema"));
        // pg_locks is the whole server's: other tests' databases (the drill-down indexes' own lock) are not this one's.
        Assert.Equal(0, await database.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' "
                + "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"));
    }
}
