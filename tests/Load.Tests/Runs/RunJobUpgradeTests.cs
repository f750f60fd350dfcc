using Bascule.Extract.Values;
using Bascule.Load.Runs;
using Bascule.Load.Schema;
using Bascule.Load.Tests.Schema;
using Bascule.TestSupport.Staging;
using Bascule.Transform.Mapping;
using Dapper;

namespace Bascule.Load.Tests.Runs;

/// <summary>
/// V002 adds the Hangfire job of a run to <c>runs</c>: a staging database that only V001 made, with a run in it, is
/// upgraded in place by the provider's ordinary schema check, keeps its run, and records jobs from then on.
/// </summary>
public abstract class RunJobUpgradeTests<TDatabase>(TDatabase database) : UpgradeSuite<TDatabase>(database)
    where TDatabase : StagingDatabase
{
    [Fact]
    public async Task A_database_made_by_V001_is_upgraded_by_V002_without_losing_its_runs()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var provider = await CreateProviderAsync();
        var before = RunId.New();
        // A run as the V001 code wrote it: no job column yet.
        await CreateOldSchemaAsync(provider, s => s.Version == 1, (connection, transaction, token) => connection
            .ExecuteAsync(new CommandDefinition(
                """
            INSERT INTO runs (run_id, entity_name, entity_type, ins_code, fiscal_year, status, mapping_id, mapping_version, mapping_sha256,
                              started_utc, finished_utc, started_by, tool_version, fingerprint)
            VALUES (@run, 'Commune 21009', 'COMMUNE', '21009', 2023, 'published', 'bxl-2024', '1.0.0', @sha, @started, @started, 'tester',
            '0.1.0', @sha)
            """,
                new { run = before.Value, sha = new string('b', 64), started = DateTime.UtcNow.AddDays(-1) },
                transaction,
                cancellationToken: token)));

        await provider.EnsureSchemaAsync(ct);
        var after = RunId.New();
        await RunStore.InsertAsync(provider, after, Header("4711"), ct);

        var runs = await RunList.ReadAsync(provider, ct);
        var old = Assert.Single(runs, r => r.Id == before);
        Assert.Equal((RunStatus.Published, "Commune 21009", new string('b', 64)), (old.Status, old.EntityName, old.Fingerprint));
        Assert.Null(old.Job);
        Assert.Equal("4711", Assert.Single(runs, r => r.Id == after).Job);
        await using var check = await provider.OpenAsync(ct);
        var versions = (await check.QueryAsync<int>(new CommandDefinition("SELECT version FROM schema_version", cancellationToken: ct)))
            .Order()
            .ToList();
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

    private static RunHeader Header(string? job) =>
        new(
            "Commune 21009",
            EntityType.Commune,
            "21009",
            new FiscalYear(2023),
            new MappingIdentity("bxl-2024", "1.0.0", new string('a', 64)),
            "tester",
            "0.1.0",
            job);
}

public sealed class SqliteRunJobUpgradeTests(SqliteDatabase database) : RunJobUpgradeTests<SqliteDatabase>(database);

public sealed class PostgresRunJobUpgradeTests(PostgresDatabase database) : RunJobUpgradeTests<PostgresDatabase>(database);

public sealed class SqlServerRunJobUpgradeTests(SqlServerDatabase database) : RunJobUpgradeTests<SqlServerDatabase>(database);
