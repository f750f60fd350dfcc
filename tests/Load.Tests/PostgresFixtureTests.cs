using Bascule.TestSupport;
using Npgsql;

[assembly: AssemblyFixture(typeof(PostgresServer))]

namespace Bascule.Load.Tests;

public sealed class PostgresFixtureTests(PostgresServer server)
{
    [Fact]
    public async Task Each_test_gets_its_own_empty_database()
    {
        var first = await server.CreateDatabaseAsync();
        var second = await server.CreateDatabaseAsync();
        Assert.NotEqual(new NpgsqlConnectionStringBuilder(first).Database, new NpgsqlConnectionStringBuilder(second).Database);

        await using var connection = new NpgsqlConnection(first);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", connection);
        Assert.Equal(0L, await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }
}
