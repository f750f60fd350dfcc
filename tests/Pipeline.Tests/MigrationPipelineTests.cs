using Bascule.Pipeline;
using Bascule.Load;
using Bascule.Load.Providers.Sqlite;
using Bascule.Reconcile.Model;
using Bascule.Load.Runs;
using Bascule.TestSupport;

namespace Bascule.Pipeline.Tests;

public sealed class MigrationPipelineTests : IDisposable
{
    private static readonly string Mapping = RepositoryRoot.Combine("mappings", "bxl-2024", "1.0.0");
    private static readonly string Commune = RepositoryRoot.Combine("samples", "commune-etterbeek-2023");

    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Migrating_the_commune_sample_publishes_a_reconciled_run()
    {
        await using var provider = Sqlite();

        var result = await Migrate(provider, Commune);

        Assert.NotEqual(Verdict.Failed, result.Reconciliation.Status);
        Assert.True(File.Exists(result.ReconciliationPath));
        Assert.Equal(_temp.Combine("out", "runs", result.RunId.Value, "reconciliation.json"), result.ReconciliationPath);
        var ledger = result.Reconciliation.SourceFiles.Single(f => f.Name == "ECRITURES.csv");
        Assert.Equal(ledger.Lines, ledger.Staged + ledger.Unmapped + ledger.Rejected);
        var run = Assert.Single(await RunList.ReadAsync(provider, TestContext.Current.CancellationToken));
        Assert.Equal((RunStatus.Published, result.Fingerprint), (run.Status, run.Fingerprint));
        Assert.Equal(("bxl-2024", "1.0.0"), (run.MappingId, run.MappingVersion));
    }

    [Fact]
    public async Task Migrating_twice_leaves_one_published_run_with_the_same_fingerprint()
    {
        await using var provider = Sqlite();

        var first = await Migrate(provider, Commune);
        var second = await Migrate(provider, Commune, batchSize: 97);

        var runs = await RunList.ReadAsync(provider, TestContext.Current.CancellationToken);
        Assert.Equal([RunStatus.Published, RunStatus.Superseded], runs.Select(r => r.Status));
        Assert.Equal(second.RunId, runs[0].Id);
        Assert.Equal(first.Fingerprint, second.Fingerprint);
    }

    [Fact]
    public async Task A_truncated_ledger_stops_the_run_before_loading_and_keeps_the_published_one()
    {
        await using var provider = Sqlite();
        var published = await Migrate(provider, Commune);
        var truncated = CopySample(Commune);
        var ledger = Path.Combine(truncated, "ECRITURES.csv");
        var bytes = await File.ReadAllBytesAsync(ledger, TestContext.Current.CancellationToken);
        var cut = Array.LastIndexOf(bytes, (byte)'\n', bytes.Length - 2);
        await File.WriteAllBytesAsync(ledger, bytes[..(cut + 1)], TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<MigrationFailedException>(() => Migrate(provider, truncated));

        Assert.Contains("ECRITURES.csv", error.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was written", error.Message, StringComparison.Ordinal);
        var run = Assert.Single(await RunList.ReadAsync(provider, TestContext.Current.CancellationToken));
        Assert.Equal((RunStatus.Published, published.Fingerprint), (run.Status, run.Fingerprint));
    }

    [Fact]
    public async Task A_failed_reconciliation_holds_the_run_and_keeps_the_published_one()
    {
        await using var provider = Sqlite();
        var published = await Migrate(provider, Commune);
        var failing = await ExportCopies.OneEuroMoreLedgerDebitAsync(Commune, _temp.Combine("failing"));

        var held = await Migrate(provider, failing);

        Assert.Equal(Verdict.Failed, held.Reconciliation.Status);
        Assert.True(held.IsHeld);
        Assert.Equal(published.RunId, held.StillPublished);
        Assert.Equal(("held", held.Fingerprint), (held.Reconciliation.Run.RunStatus, held.Reconciliation.Run.Fingerprint));
        Assert.True(File.Exists(held.Reports.Html));
        var runs = await RunList.ReadAsync(provider, TestContext.Current.CancellationToken);
        Assert.Equal([(held.RunId, RunStatus.Held), (published.RunId, RunStatus.Published)], runs.Select(r => (r.Id, r.Status)));
        Assert.Equal(published.Fingerprint, runs[1].Fingerprint);
    }

    [Fact]
    public async Task A_missing_mapping_stops_the_run_before_anything_is_written()
    {
        await using var provider = Sqlite();

        var error = await Assert.ThrowsAsync<MigrationFailedException>(
            () => new MigrationPipeline(provider).RunAsync(Request(Commune, _temp.Combine("no-such-mapping")), TestContext.Current.CancellationToken));

        Assert.Contains("Nothing was written", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.Combine("staging.db")));
    }

    public void Dispose() => _temp.Dispose();

    private SqliteStagingProvider Sqlite() => new(SqliteStagingProvider.ConnectionStringFor(_temp.Combine("staging.db"), _temp.Path));

    private MigrationRequest Request(string export, string mapping, int batchSize = 500) =>
        new(export, mapping, null, _temp.Combine("out"), new StagingOptions { BatchSize = batchSize });

    private Task<MigrationResult> Migrate(SqliteStagingProvider provider, string export, int batchSize = 500) =>
        new MigrationPipeline(provider).RunAsync(Request(export, Mapping, batchSize), TestContext.Current.CancellationToken);

    private string CopySample(string sample)
    {
        var copy = _temp.Combine(Path.GetFileName(sample));
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(sample))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        return copy;
    }
}
