using Bascule.Load.Runs;
using Bascule.Load.Tests.Staging;
using Bascule.TestSupport.Staging;
using Dapper;

namespace Bascule.Load.Tests.Schema;

/// <summary>
/// V009 adds the drill-down's indexes, each ending with the line key (source file, record, part). A database made before
/// it, holding a published run, is upgraded in place: the indexes exist, the run keeps its fingerprint, and a later check
/// of the schema changes nothing.
/// </summary>
public abstract class DrillDownIndexesUpgradeTests<TDatabase>(TDatabase database) : UpgradeSuite<TDatabase>(database)
    where TDatabase : StagingDatabase
{
    public static readonly string[] StagedIndexes =
        ["ix_staged_lines_account_key", "ix_staged_lines_article_key", "ix_staged_lines_document_key", "ix_staged_lines_run", "ix_staged_lines_target_key"];

    [Fact]
    public async Task A_database_made_before_the_drill_down_gets_its_indexes_and_keeps_its_runs()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var provider = await CreateProviderAsync();
        await CreateOldSchemaAsync(provider, s => s.Version < 9);
        Assert.Equal(["ix_staged_lines_run"], await IndexesAsync(provider));
        var export = new TestExport();
        var run = await export.LoadAsync(new LeanIndexesUpgradeTests<TDatabase>.SchemaAsItIs(provider), new StagingOptions { BatchSize = 40 });
        var fingerprint = await run.CompleteAsync(ct);

        await provider.EnsureSchemaAsync(ct);
        await provider.EnsureSchemaAsync(ct);

        Assert.Equal(StagedIndexes, await IndexesAsync(provider));
        Assert.Equal(fingerprint, await RunFingerprint.ComputeAsync(provider, run.Id, ct));
        Assert.Equal(RunStatus.Published, (await StagedCounts.RunAsync(provider, run.Id)).Status);
    }

    private async Task<List<string>> IndexesAsync(Bascule.Load.Providers.IStagingProvider provider)
    {
        await using var connection = await provider.OpenAsync(TestContext.Current.CancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(Database.IndexesSql, new { table = "staged_lines" }, cancellationToken: TestContext.Current.CancellationToken)))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}

public sealed class SqliteDrillDownIndexesUpgradeTests(SqliteDatabase database) : DrillDownIndexesUpgradeTests<SqliteDatabase>(database);

public sealed class PostgresDrillDownIndexesUpgradeTests(PostgresDatabase database) : DrillDownIndexesUpgradeTests<PostgresDatabase>(database);

public sealed class SqlServerDrillDownIndexesUpgradeTests(SqlServerDatabase database) : DrillDownIndexesUpgradeTests<SqlServerDatabase>(database);
