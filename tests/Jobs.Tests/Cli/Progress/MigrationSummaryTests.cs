using Bascule.Jobs.Cli.Progress;
using Bascule.Load;
using Bascule.Load.Providers;
using Bascule.Pipeline;
using Bascule.TestSupport;
using Bascule.TestSupport.Staging;

namespace Bascule.Jobs.Tests.Cli.Progress;

/// <summary>The migration summary of a held run, on runs the real pipeline made. Run once per provider.</summary>
public abstract class MigrationSummaryTests<TDatabase>(TDatabase database) : StagingSuite<TDatabase>(database)
    where TDatabase : StagingDatabase
{
    private static readonly string Mapping = RepositoryRoot.Combine("mappings", "bxl-2024", "1.0.0");
    private static readonly string Commune = RepositoryRoot.Combine("samples", "commune-etterbeek-2023");

    [Fact]
    public async Task A_held_run_summary_names_the_run_that_stays_published_and_how_to_publish_the_held_one()
    {
        var provider = await NewProviderAsync();
        var published = await MigrateAsync(provider, Commune);
        var held = await MigrateAsync(provider, await ExportCopies.OneEuroMoreLedgerDebitAsync(Commune, Temp.Combine("failing")));

        var lines = string.Join("\n", MigrationSummary.HeldLines(held));

        Assert.Contains($"The published run of this entity and year is unchanged: {published.RunId}.", lines, StringComparison.Ordinal);
        Assert.Contains($"bascule publish --run {held.RunId} --reason", lines, StringComparison.Ordinal);
    }

    private Task<MigrationResult> MigrateAsync(IStagingProvider provider, string export) =>
        new MigrationPipeline(provider).RunAsync(
            new MigrationRequest(export, Mapping, null, Temp.Combine("out"), new StagingOptions { BatchSize = 500 }),
            TestContext.Current.CancellationToken);
}

public sealed class SqliteMigrationSummaryTests(SqliteDatabase database) : MigrationSummaryTests<SqliteDatabase>(database);

public sealed class PostgresMigrationSummaryTests(PostgresDatabase database) : MigrationSummaryTests<PostgresDatabase>(database);

public sealed class SqlServerMigrationSummaryTests(SqlServerDatabase database) : MigrationSummaryTests<SqlServerDatabase>(database);
