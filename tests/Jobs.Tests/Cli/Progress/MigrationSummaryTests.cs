using Bascule.Jobs.Cli.Progress;
using Bascule.Load;
using Bascule.Load.Providers.Sqlite;
using Bascule.Pipeline;
using Bascule.TestSupport;

namespace Bascule.Jobs.Tests.Cli.Progress;

public sealed class MigrationSummaryTests : IDisposable
{
    private static readonly string Mapping = RepositoryRoot.Combine("mappings", "bxl-2024", "1.0.0");
    private static readonly string Commune = RepositoryRoot.Combine("samples", "commune-etterbeek-2023");

    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task A_held_run_summary_names_the_run_that_stays_published_and_how_to_publish_the_held_one()
    {
        await using var provider = new SqliteStagingProvider(SqliteStagingProvider.ConnectionStringFor(_temp.Combine("staging.db"), _temp.Path));
        var published = await MigrateAsync(provider, Commune);
        var held = await MigrateAsync(provider, await ExportCopies.OneEuroMoreLedgerDebitAsync(Commune, _temp.Combine("failing")));

        var lines = string.Join("\n", MigrationSummary.HeldLines(held));

        Assert.Contains($"The published run of this entity and year is unchanged: {published.RunId}.", lines, StringComparison.Ordinal);
        Assert.Contains($"bascule publish --run {held.RunId} --reason", lines, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

    private Task<MigrationResult> MigrateAsync(SqliteStagingProvider provider, string export) =>
        new MigrationPipeline(provider).RunAsync(
            new MigrationRequest(export, Mapping, null, _temp.Combine("out"), new StagingOptions { BatchSize = 500 }),
            TestContext.Current.CancellationToken);
}
