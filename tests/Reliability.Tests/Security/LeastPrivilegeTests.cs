using System.Text.Json;
using Bascule.TestSupport;
using Npgsql;

namespace Bascule.Reliability.Tests.Security;

/// <summary>
/// The staging account the README documents for PostgreSQL: a login with no superuser, CREATEDB or CREATEROLE right,
/// owning one schema of one database and connecting with <c>Search Path</c> set to it. The real program migrates, lists
/// and reports through it; the account cannot do what it was not granted.
/// </summary>
public sealed class LeastPrivilegeTests(PostgresServer postgres) : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task A_login_that_owns_only_its_schema_runs_the_whole_pipeline_and_nothing_more()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = await postgres.CreateDatabaseAsync();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var role = "bascule_loader_" + suffix;
        var password = "Pw-" + Guid.NewGuid().ToString("N");
        var databaseName = new NpgsqlConnectionStringBuilder(database).Database!;
        // The README's setup, as the database administrator runs it (names made unique: roles are cluster-wide).
        await ExecuteAsync(database,
            $"CREATE ROLE {role} LOGIN PASSWORD '{password}' NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT",
            $"REVOKE ALL ON DATABASE {databaseName} FROM PUBLIC",
            $"GRANT CONNECT ON DATABASE {databaseName} TO {role}",
            "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
            $"CREATE SCHEMA bascule AUTHORIZATION {role}",
            // Another application's data in the same database, which the loader must not read.
            "CREATE SCHEMA ledger_other",
            "CREATE TABLE ledger_other.salaries (name TEXT, amount NUMERIC(19,2))",
            "INSERT INTO ledger_other.salaries VALUES ('someone', 1234.56)");
        try
        {
            var loader = new NpgsqlConnectionStringBuilder(database) { Username = role, Password = password, SearchPath = "bascule" }
                .ConnectionString;
            var export = RepositoryRoot.Combine("samples", "cpas-etterbeek-2023");
            var settings = new Dictionary<string, string> {
                ["BASCULE_STAGING__PROVIDER"] = "postgres",
                ["BASCULE_STAGING__CONNECTION"] = loader };

            var migrate = await Cli.RunAsync(
                _temp.Path,
                settings,
                "migrate",
                "--export",
                export,
                "--mapping",
                RepositoryRoot.Combine("mappings", "bxl-2024", "1.0.0"));
            Assert.True(migrate.ExitCode != 1, migrate.ToString());
            var runs = await Cli.RunAsync(_temp.Path, settings, "runs", "--format", "json");
            Assert.True(runs.ExitCode == 0, runs.ToString());
            var run = Assert.Single(JsonDocument.Parse(runs.StandardOutput).RootElement.EnumerateArray());
            Assert.Equal("published", run.GetProperty("status").GetString());
            var report = await Cli.RunAsync(
                _temp.Path,
                settings,
                "report",
                "--run",
                run.GetProperty("runId").GetString()!,
                "--export",
                export,
                "--out",
                _temp.Combine("report"));
            Assert.True(report.ExitCode != 1, report.ToString());
            Assert.True(File.Exists(_temp.Combine("report", "reconciliation.json")));

            // Everything the program created is in its own schema, owned by the loader.
            await using (var admin = new NpgsqlConnection(database))
            {
                await admin.OpenAsync(ct);
                await using var where = new NpgsqlCommand(
                    "SELECT count(*) FILTER (WHERE table_schema = 'bascule'), count(*) FILTER (WHERE table_schema = 'public') FROM "
                        + "information_schema.tables", admin);
                await using var reader = await where.ExecuteReaderAsync(ct);
                await reader.ReadAsync(ct);
                Assert.True(reader.GetInt64(0) >= 10, $"only {reader.GetInt64(0)} tables and views in schema bascule");
                Assert.Equal(0, reader.GetInt64(1));
            }

            // And it can do nothing else.
            await using var connection = new NpgsqlConnection(loader);
            await connection.OpenAsync(ct);
            await AssertRefusedAsync(connection, "CREATE TABLE public.intruder (id INT)");
            await AssertRefusedAsync(connection, "SELECT * FROM ledger_other.salaries");
            await AssertRefusedAsync(connection, "CREATE SCHEMA another");
            await AssertRefusedAsync(connection, $"CREATE DATABASE bascule_more_{suffix}");
            await AssertRefusedAsync(connection, $"CREATE ROLE bascule_friend_{suffix}");
            await AssertRefusedAsync(connection, "COPY bascule.runs TO '/tmp/bascule-runs.csv'");
        }
        finally
        {
            // Roles outlive databases: drop the database first (with the role's objects), then the role.
            await ExecuteAsync(
                postgres.AdminConnectionString,
                $"DROP DATABASE IF EXISTS {databaseName} WITH (FORCE)",
                $"DROP ROLE IF EXISTS {role}");
        }
    }

    public void Dispose() => _temp.Dispose();

    private static async Task AssertRefusedAsync(NpgsqlConnection connection, string sql)
    {
#pragma warning disable CA2100 // Fixed statements of this test, with names made of a constant prefix and hex digits.
        await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        var refused = await Assert.ThrowsAsync<PostgresException>(
            () => command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
        Assert.True(refused.SqlState == PostgresErrorCodes.InsufficientPrivilege, $"{sql}: {refused.SqlState} {refused.MessageText}");
    }

    private static async Task ExecuteAsync(string connectionString, params string[] statements)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        foreach (var sql in statements)
        {
#pragma warning disable CA2100 // The README's setup statements, with names made of a constant prefix and hex digits.
            await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }
    }
}
