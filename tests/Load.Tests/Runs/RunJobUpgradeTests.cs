using Bascule.Extract.Values;
using Bascule.Load.Providers;
using Bascule.Load.Providers.Postgres;
using Bascule.Load.Providers.Sqlite;
using Bascule.Load.Providers.SqlServer;
using Bascule.Load.Runs;
using Bascule.Load.Schema;
using Bascule.TestSupport;
using Bascule.Transform.Mapping;
using Dapper;

namespace Bascule.Load.Tests.Runs;

/// <summary>
/// V002 adds the Hangfire job of a run to <c>runs</c>: a staging database that only V001 made, with a run in it, is
/// upgraded in place by the provider's ordinary schema check, keeps its run, and records jobs from then on.
/// </summary>
public abstract class RunJobUpgradeTests : IDisposable
{
    protected TempDirectory Temp { get; } = new();

    /// <summary>The provider's folder of schema scripts.</summary>
    protected abstract string Folder { get; }

    /// <summary>The provider's own <c>schema_version</c> table, as its schema check creates it before the first script.</summary>
    protected abstract string SchemaVersionTable { get; }

    protected abstract Task<IStagingProvider> CreateProviderAsync();

    [Fact]
    public async Task A_database_made_by_V001_is_upgraded_by_V002_without_losing_its_runs()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var provider = await CreateProviderAsync();
        var before = RunId.New();
        await using (var connection = await provider.OpenAsync(ct))
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await connection.ExecuteAsync(new CommandDefinition(SchemaVersionTable, transaction: transaction, cancellationToken: ct));
            await SchemaUpgrader.ApplyAsync(connection, transaction, [.. SchemaScripts.For(Folder).Where(s => s.Version == 1)], ct);
            // A run as the V001 code wrote it: no job column yet.
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO runs (run_id, entity_name, entity_type, ins_code, fiscal_year, status, mapping_id, mapping_version, mapping_sha256,
                                  started_utc, finished_utc, started_by, tool_version, fingerprint)
                VALUES (@run, 'Commune 21009', 'COMMUNE', '21009', 2023, 'published', 'bxl-2024', '1.0.0', @sha, @started, @started, 'tester', '0.1.0', @sha)
                """,
                new { run = before.Value, sha = new string('b', 64), started = DateTime.UtcNow.AddDays(-1) },
                transaction,
                cancellationToken: ct));
            await transaction.CommitAsync(ct);
        }

        await provider.EnsureSchemaAsync(ct);
        var after = RunId.New();
        await RunStore.InsertAsync(provider, after, Header("4711"), ct);

        var runs = await RunList.ReadAsync(provider, ct);
        var old = Assert.Single(runs, r => r.Id == before);
        Assert.Equal((RunStatus.Published, "Commune 21009", new string('b', 64)), (old.Status, old.EntityName, old.Fingerprint));
        Assert.Null(old.Job);
        Assert.Equal("4711", Assert.Single(runs, r => r.Id == after).Job);
        await using var check = await provider.OpenAsync(ct);
        var versions = (await check.QueryAsync<int>(new CommandDefinition("SELECT version FROM schema_version", cancellationToken: ct))).Order().ToList();
        Assert.Equal(SchemaScripts.For(Folder).Select(s => s.Version), versions);
        Assert.Contains(2, versions);
    }

    [Fact]
    public async Task A_run_without_a_job_keeps_it_empty()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var provider = await CreateProviderAsync();
        await provider.EnsureSchemaAsync(ct);
        var run = RunId.New();

        await RunStore.InsertAsync(provider, run, Header(null), ct);

        Assert.Null(Assert.Single(await RunList.ReadAsync(provider, ct)).Job);
    }

    public void Dispose()
    {
        Temp.Dispose();
        GC.SuppressFinalize(this);
    }

    private static RunHeader Header(string? job) =>
        new("Commune 21009", EntityType.Commune, "21009", new FiscalYear(2023), new MappingIdentity("bxl-2024", "1.0.0", new string('a', 64)), "tester", "0.1.0", job);
}

public sealed class SqliteRunJobUpgradeTests : RunJobUpgradeTests
{
    protected override string Folder => "sqlite";

    protected override string SchemaVersionTable => SqliteStagingProvider.SchemaVersionTable;

    protected override Task<IStagingProvider> CreateProviderAsync() =>
        Task.FromResult<IStagingProvider>(new SqliteStagingProvider(SqliteStagingProvider.ConnectionStringFor(Temp.Combine("staging.db"), Temp.Path)));
}

public sealed class PostgresRunJobUpgradeTests(PostgresServer server) : RunJobUpgradeTests
{
    protected override string Folder => "postgres";

    protected override string SchemaVersionTable => PostgresStagingProvider.SchemaVersionTable;

    protected override async Task<IStagingProvider> CreateProviderAsync() => new PostgresStagingProvider(await server.CreateDatabaseAsync());
}

public sealed class SqlServerRunJobUpgradeTests(SqlServerInstance instance) : RunJobUpgradeTests
{
    protected override string Folder => "sqlserver";

    protected override string SchemaVersionTable => SqlServerStagingProvider.SchemaVersionTable;

    protected override async Task<IStagingProvider> CreateProviderAsync() => new SqlServerStagingProvider(await instance.CreateDatabaseAsync());
}
