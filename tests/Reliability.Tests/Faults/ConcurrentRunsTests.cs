using System.Diagnostics;
using System.Globalization;
using Bascule.Extract.Values;
using Bascule.Pipeline;
using Bascule.Load.Providers.Postgres;
using Bascule.Load.Providers.Sqlite;
using Bascule.Load.Runs;
using Bascule.Reconcile.Model;
using Bascule.TestSupport;

namespace Bascule.Reliability.Tests.Faults;

/// <summary>
/// Load: 20 runs of 20 entities (communes and CPAS under different INS codes) at once against one PostgreSQL staging
/// database. Every run completes, reconciles OK or WARNING and is published once, with the content of a sequential run.
/// </summary>
public sealed class ConcurrentRunsTests(PostgresServer server, ITestOutputHelper output) : IDisposable
{
    private const int Entities = 20;

    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Twenty_runs_of_twenty_entities_at_once_all_publish_and_reconcile()
    {
        var connection = await server.CreateDatabaseAsync();
        var ct = TestContext.Current.CancellationToken;
        var entities = Enumerable.Range(0, Entities)
            .Select(i => TestEntity.Generate(
                _temp,
                string.Create(CultureInfo.InvariantCulture, $"2{i + 1:0000}"),
                lines: 500,
                seed: (ulong)(i + 1),
                type: i % 2 == 0 ? EntityType.Commune : EntityType.Cpas))
            .ToList();

        // The sequential reference: the same exports, one after the other, in one SQLite staging file.
        var references = new List<Reference>();
        await using (var sqlite = new SqliteStagingProvider(
            SqliteStagingProvider.ConnectionStringFor(_temp.Combine("sequential.db"), _temp.Path)))
        {
            foreach (var entity in entities)
            {
                var run = await Migrations.RunAsync(sqlite, entity, _temp, cancellationToken: ct);
                references.Add(new Reference(run.Fingerprint, await PublishedState.RowsOfRunAsync(sqlite, run.RunId.Value)));
            }
        }

        // One provider per run, as separate processes or job workers would have; the schema is created by whichever comes first.
        var providers = entities.Select(_ => new PostgresStagingProvider(connection)).ToList();
        var clock = Stopwatch.StartNew();
        MigrationResult[] results;
        try
        {
            results = await Task.WhenAll(
                entities.Select(
                    (entity, i) => Task.Run(() => Migrations.RunAsync(providers[i], entity, _temp, cancellationToken: ct), ct)));
        }
        finally
        {
            foreach (var provider in providers)
            {
                await provider.DisposeAsync();
            }
        }

        var elapsed = clock.Elapsed;
        await using var reader = new PostgresStagingProvider(connection);
        for (var i = 0; i < Entities; i++)
        {
            Assert.NotEqual(Verdict.Failed, results[i].Reconciliation.Status);
            var state = await PublishedState.ReadAsync(reader, entities[i]);
            Invariant.OneCompleteRun(state, references[i]);
            Assert.Equal(results[i].RunId.Value, state.RunId);
        }

        var runs = await RunList.ReadAsync(reader, ct);
        Assert.Equal(Entities, runs.Count);
        Assert.All(runs, r => Assert.Equal(RunStatus.Published, r.Status));
        output.WriteLine(
            $"concurrency: {Entities} runs of {Entities} entities at once on one PostgreSQL database, {results.Sum(r => r.RowsWritten)} "
                + $"rows, " +
            $"{elapsed.TotalSeconds:0.0} s; all published once, {results.Count(r => r.Reconciliation.Status == Verdict.Ok)} OK / " +
            $"{results.Count(r => r.Reconciliation.Status == Verdict.Warning)} WARNING, every fingerprint equals its sequential run's");
    }

    public void Dispose() => _temp.Dispose();
}
