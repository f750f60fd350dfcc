using Bascule.Extract;
using Bascule.Pipeline;
using Bascule.Load;
using Bascule.Load.Providers;
using Bascule.Reconcile.Model;
using Bascule.Load.Runs;
using Bascule.TestSupport;
using Bascule.TestSupport.Staging;

namespace Bascule.Pipeline.Tests;

/// <summary>One migration end to end, once per staging engine.</summary>
public abstract class MigrationPipelineTests<TDatabase>(TDatabase database) : StagingSuite<TDatabase>(database)
    where TDatabase : StagingDatabase
{
    private static readonly string Mapping = RepositoryRoot.Combine("mappings", "bxl-2024", "1.0.0");
    private static readonly string Commune = RepositoryRoot.Combine("samples", "commune-etterbeek-2023");

    [Fact]
    public async Task Migrating_the_commune_sample_publishes_a_reconciled_run()
    {
        var provider = await NewProviderAsync();

        var result = await Migrate(provider, Commune);

        Assert.NotEqual(Verdict.Failed, result.Reconciliation.Status);
        Assert.True(File.Exists(result.ReconciliationPath));
        Assert.Equal(Temp.Combine("out", "runs", result.RunId.Value, "reconciliation.json"), result.ReconciliationPath);
        var ledger = result.Reconciliation.SourceFiles.Single(f => f.Name == "ECRITURES.csv");
        Assert.Equal(ledger.Lines, ledger.Staged + ledger.Unmapped + ledger.Rejected);
        var run = Assert.Single(await RunList.ReadAsync(provider, TestContext.Current.CancellationToken));
        Assert.Equal((RunStatus.Published, result.Fingerprint), (run.Status, run.Fingerprint));
        Assert.Equal(("bxl-2024", "1.0.0"), (run.Mapping.Id, run.Mapping.Version));
    }

    [Fact]
    public async Task Migrating_twice_leaves_one_published_run_with_the_same_fingerprint()
    {
        var provider = await NewProviderAsync();

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
        var provider = await NewProviderAsync();
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
        var provider = await NewProviderAsync();
        var published = await Migrate(provider, Commune);
        var failing = await ExportCopies.OneEuroMoreLedgerDebitAsync(Commune, Temp.Combine("failing"));

        var held = await Migrate(provider, failing);

        Assert.Equal(Verdict.Failed, held.Reconciliation.Status);
        Assert.True(held.IsHeld);
        Assert.Equal(published.RunId, held.StillPublished);
        Assert.Equal(("held", held.Fingerprint), (held.Reconciliation.Run.RunStatus.ToCode(), held.Reconciliation.Run.Fingerprint));
        Assert.True(File.Exists(held.Reports.Html));
        var runs = await RunList.ReadAsync(provider, TestContext.Current.CancellationToken);
        Assert.Equal([(held.RunId, RunStatus.Held), (published.RunId, RunStatus.Published)], runs.Select(r => (r.Id, r.Status)));
        Assert.Equal(published.Fingerprint, runs[1].Fingerprint);
    }

    [Fact]
    public async Task A_missing_mapping_stops_the_run_before_anything_is_written()
    {
        var provider = await NewProviderAsync();

        var error = await Assert.ThrowsAsync<MigrationFailedException>(
            () => new MigrationPipeline(provider).RunAsync(
                Request(Commune, Temp.Combine("no-such-mapping")),
                TestContext.Current.CancellationToken));

        Assert.Contains("Nothing was written", error.Message, StringComparison.Ordinal);
        await using var connection = await provider.OpenAsync(TestContext.Current.CancellationToken);
        Assert.Empty(await Dapper.SqlMapper.QueryAsync<string>(connection, Database.ColumnsSql, new { table = "runs" }));
    }

    [Fact]
    public async Task A_cancelled_migration_fails_its_run_with_the_given_message_and_keeps_the_published_one()
    {
        var provider = await NewProviderAsync();
        var published = await Migrate(provider, Commune);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        // Cancelled as Ctrl-C would: once batches of the run are committed, the next one never starts.
        var request = Request(Commune, Mapping) with
        {
            Staging = new StagingOptions
            {
                BatchSize = 100,
                BeforeBatchWrite = async (attempt, _) =>
                {
                    if (attempt.Batch == 3)
                    {
                        await cancel.CancelAsync();
                    }
                },
            },
            CancelledMessage = "Interrupted: cancelled by the test.",
        };

        var cancelled = await Assert.ThrowsAsync<MigrationCancelledException>(
            () => new MigrationPipeline(provider).RunAsync(request, cancel.Token));

        Assert.False(cancelled.Completed);
        Assert.NotNull(cancelled.Run);
        Assert.Contains("is marked failed and its rows are deleted", cancelled.Message, StringComparison.Ordinal);
        Assert.Contains("The published run of", cancelled.Message, StringComparison.Ordinal);
        var runs = await RunList.ReadAsync(provider, TestContext.Current.CancellationToken);
        var run = Assert.Single(runs, r => r.Id == cancelled.Run);
        Assert.Equal((RunStatus.Failed, "Interrupted: cancelled by the test."), (run.Status, run.FailureMessage));
        Assert.Equal(
            (RunStatus.Published, published.Fingerprint),
            runs.Where(r => r.Id == published.RunId).Select(r => (r.Status, r.Fingerprint)).Single());
        await using var connection = await provider.OpenAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, await Dapper.SqlMapper
            .ExecuteScalarAsync<long>(connection, "SELECT COUNT(*) FROM staged_lines WHERE run_id = @run", new { run = run.Id.Value }));
    }

    [Fact]
    public async Task A_second_migration_of_the_entity_year_stops_before_writing_while_the_first_loads()
    {
        var provider = await NewProviderAsync();
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = Request(Commune, Mapping) with
        {
            Staging = new StagingOptions
            {
                BatchSize = 100,
                BeforeBatchWrite = async (attempt, ct) =>
                {
                    if (attempt.Batch == 2 && attempt.Attempt == 1)
                    {
                        holding.SetResult();
                        await release.Task.WaitAsync(ct);
                    }
                },
            },
        };
        var loading = Task.Run(
            () => new MigrationPipeline(provider).RunAsync(first, TestContext.Current.CancellationToken),
            TestContext.Current.CancellationToken);
        await holding.Task.WaitAsync(TestContext.Current.CancellationToken);

        var refused = await Assert.ThrowsAsync<MigrationFailedException>(() => Migrate(provider, Commune));

        var holder = Assert.Single(await RunList.ReadAsync(provider, TestContext.Current.CancellationToken));
        Assert.Equal(RunStatus.Loading, holder.Status);
        Assert.Contains($"still loading: run {holder.Id}", refused.Message, StringComparison.Ordinal);
        Assert.Contains("--wait", refused.Message, StringComparison.Ordinal);
        release.SetResult();
        var result = await loading;
        Assert.Equal(holder.Id, result.RunId);
        Assert.Equal(
            [RunStatus.Published],
            (await RunList.ReadAsync(provider, TestContext.Current.CancellationToken)).Select(r => r.Status));
    }

    [Fact]
    public async Task A_ledger_changed_between_its_count_and_its_load_holds_the_run_on_its_hash()
    {
        var provider = await NewProviderAsync();
        var export = CopySample(Commune);
        var ledger = Path.Combine(export, "ECRITURES.csv");
        var original = FileHashes.Sha256(ledger);
        // Counted and hashed already, not yet opened by the load: the load reads another file than the one counted.
        var progress = new OnStage("ledger", () => SwapLastTwoLines(ledger));

        var held = await new MigrationPipeline(provider, progress).RunAsync(
            Request(export, Mapping),
            TestContext.Current.CancellationToken);

        AssertHeldOnLedgerHashOnly(held, original);
    }

    [Fact]
    public async Task A_ledger_changed_while_it_loads_holds_the_run_on_its_hash()
    {
        var provider = await NewProviderAsync();
        var export = CopySample(Commune);
        var ledger = Path.Combine(export, "ECRITURES.csv");
        var original = FileHashes.Sha256(ledger);
        var request = Request(export, Mapping) with
        {
            Staging = new StagingOptions
            {
                BatchSize = 100,
                // Two batches in, the reader is still far from the end of the ledger: the bytes it has yet to read change.
                BeforeBatchWrite = (attempt, _) =>
                {
                    if (attempt.Batch == 2 && attempt.Attempt == 1)
                    {
                        SwapLastTwoLines(ledger);
                    }

                    return ValueTask.CompletedTask;
                },
            },
        };

        var held = await new MigrationPipeline(provider).RunAsync(request, TestContext.Current.CancellationToken);

        AssertHeldOnLedgerHashOnly(held, original);
    }

    // Same records, same totals, other bytes: the amounts still agree, only the file's hash tells that it changed.
    private static void AssertHeldOnLedgerHashOnly(MigrationResult held, string original)
    {
        Assert.True(held.IsHeld);
        Assert.Equal(Verdict.Failed, held.Reconciliation.Status);
        var failed = held.Reconciliation.Checks.Where(c => c.Status != Verdict.Ok).Select(c => c.Name);
        Assert.Equal(["completeness:ECRITURES.csv:sha256"], failed);
        Assert.Equal(original, held.Reconciliation.SourceFiles.Single(f => f.Name == "ECRITURES.csv").Sha256);
    }

    // In place, same length, never truncated: a reader part-way through the file goes on reading it.
    private static void SwapLastTwoLines(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var last = Array.LastIndexOf(bytes, (byte)'\n', bytes.Length - 2) + 1;
        var previous = Array.LastIndexOf(bytes, (byte)'\n', last - 2) + 1;
        byte[] swapped = [.. bytes[last..], .. bytes[previous..last]];
        Assert.NotEqual(bytes[previous..], swapped);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
        stream.Position = previous;
        stream.Write(swapped);
    }

    private MigrationRequest Request(string export, string mapping, int batchSize = 500) =>
        new(export, mapping, null, Temp.Combine("out"), new StagingOptions { BatchSize = batchSize });

    private Task<MigrationResult> Migrate(IStagingProvider provider, string export, int batchSize = 500) =>
        new MigrationPipeline(provider).RunAsync(Request(export, Mapping, batchSize), TestContext.Current.CancellationToken);

    private string CopySample(string sample)
    {
        var copy = Temp.Combine(Path.GetFileName(sample));
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(sample))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        return copy;
    }
}

public sealed class SqliteMigrationPipelineTests(SqliteDatabase database) : MigrationPipelineTests<SqliteDatabase>(database);

public sealed class PostgresMigrationPipelineTests(PostgresDatabase database) : MigrationPipelineTests<PostgresDatabase>(database);

public sealed class SqlServerMigrationPipelineTests(SqlServerDatabase database) : MigrationPipelineTests<SqlServerDatabase>(database);
