using System.Data.Common;
using Bascule.Extract.Values;
using Bascule.Load.Providers;
using Bascule.Load.Rows;
using Bascule.Load.Runs;
using Bascule.Load.Tests.Staging;
using Bascule.TestSupport.Staging;
using Dapper;

namespace Bascule.Load.Tests.Schema;

/// <summary>
/// The scripts that slimmed the staged lines' indexes: V003 dropped the per-account, per-journal and per-document
/// indexes that no query used, V005 replaced the wide lineage index with one on run_id alone (the rows' order for the
/// fingerprint read-back is now sorted by the query). A database with every other script but the one tested (the runs
/// table as today's code writes it), holding a published run, is upgraded in place: the run keeps its fingerprint, read
/// back from the database, a new run of the same export gets the same one, and only the run index is left.
/// </summary>
public abstract class LeanIndexesUpgradeTests<TDatabase>(TDatabase database) : UpgradeSuite<TDatabase>(database)
    where TDatabase : StagingDatabase
{
    [Theory]
    [InlineData(3, 5)]
    [InlineData(5, 1)]
    public async Task A_database_without_the_script_keeps_its_runs_and_fingerprints_and_keeps_only_the_run_index(
        int missing,
        int stagedIndexesBefore)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var provider = await CreateProviderAsync();
        await CreateOldSchemaAsync(provider, s => s.Version != missing);

        Assert.Equal(stagedIndexesBefore, (await IndexesAsync(provider, "staged_lines")).Count);
        var export = new TestExport();
        // Loaded and published on the schema without the script.
        var before = await export.LoadAsync(new SchemaAsItIs(provider), new StagingOptions { BatchSize = 40 });
        var fingerprint = await before.CompleteAsync(ct);

        await provider.EnsureSchemaAsync(ct);

        Assert.Equal(["ix_staged_lines_run"], await IndexesAsync(provider, "staged_lines"));
        Assert.Equal(["ix_unmapped_lines_lineage"], await IndexesAsync(provider, "unmapped_lines"));
        Assert.Equal(fingerprint, await RunFingerprint.ComputeAsync(provider, before.Id, ct));
        Assert.Equal(fingerprint, (await StagedCounts.RunAsync(provider, before.Id)).Fingerprint);
        var after = await export.LoadAsync(provider, new StagingOptions { BatchSize = 7 });
        Assert.Equal(fingerprint, await after.CompleteAsync(ct));
        Assert.Equal(RunStatus.Superseded, (await StagedCounts.RunAsync(provider, before.Id)).Status);
        Assert.Equal(export.Staged.Count, await StagedCounts.VisibleStagedAsync(provider, "21009"));
    }

    private async Task<List<string>> IndexesAsync(IStagingProvider provider, string table)
    {
        await using var connection = await provider.OpenAsync(TestContext.Current.CancellationToken);
        return (await connection.QueryAsync<string>(
            new CommandDefinition(Database.IndexesSql, new { table }, cancellationToken: TestContext.Current.CancellationToken)))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The provider with its schema check left out, so that a run loads on the schema the database has.</summary>
    private sealed class SchemaAsItIs(IStagingProvider inner) : IStagingProvider
    {
        public StagingProviderKind Kind => inner.Kind;

        public string Target => inner.Target;

        public Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => inner.OpenAsync(cancellationToken);

        public Task EnsureSchemaAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task WriteBatchAsync(
            DbConnection connection,
            DbTransaction transaction,
            StagingBatch batch,
            RunId run,
            int batchNumber,
            CancellationToken cancellationToken) =>
            inner.WriteBatchAsync(connection, transaction, batch, run, batchNumber, cancellationToken);

        public bool IsTransient(Exception exception) => inner.IsTransient(exception);

        public Amount ReadAmount(DbDataReader reader, int ordinal) => inner.ReadAmount(reader, ordinal);

        public object ToParameter(Amount amount) => inner.ToParameter(amount);

        public string Scrub(string message) => inner.Scrub(message);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

public sealed class SqliteLeanIndexesUpgradeTests(SqliteDatabase database) : LeanIndexesUpgradeTests<SqliteDatabase>(database);

public sealed class PostgresLeanIndexesUpgradeTests(PostgresDatabase database) : LeanIndexesUpgradeTests<PostgresDatabase>(database);

public sealed class SqlServerLeanIndexesUpgradeTests(SqlServerDatabase database) : LeanIndexesUpgradeTests<SqlServerDatabase>(database);
