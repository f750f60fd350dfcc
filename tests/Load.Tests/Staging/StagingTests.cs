using Bascule.Load.Providers;
using Bascule.Load.Providers.Sqlite;
using Bascule.Load.Runs;
using Bascule.Load.Schema;
using Bascule.TestSupport;
using Bascule.TestSupport.Staging;
using Dapper;

namespace Bascule.Load.Tests.Staging;

/// <summary>The behaviour every staging provider must have; one subclass per provider runs it against a real database.</summary>
public abstract class StagingTests<TDatabase>(TDatabase database) : StagingSuite<TDatabase>(database)
    where TDatabase : StagingDatabase
{
    [Fact]
    public async Task A_loading_run_is_invisible_until_it_is_published()
    {
        var provider = await NewProviderAsync();
        var export = new TestExport();

        var run = await export.LoadAsync(provider, new StagingOptions { BatchSize = 50 });

        Assert.Equal(0, await StagedCounts.VisibleStagedAsync(provider, "21009"));
        var fingerprint = await run.CompleteAsync(TestContext.Current.CancellationToken);
        Assert.Equal(export.Staged.Count, await StagedCounts.VisibleStagedAsync(provider, "21009"));
        Assert.Equal(export.Rejected.Count, await StagedCounts.VisibleRejectedAsync(provider, "21009"));
        var info = await StagedCounts.RunAsync(provider, run.Id);
        Assert.Equal(RunStatus.Published, info.Status);
        Assert.Equal(fingerprint, info.Fingerprint);
        Assert.Equal(("bxl-2024", "1.0.0", 2023), (info.Mapping.Id, info.Mapping.Version, info.FiscalYear));
        Assert.NotNull(info.FinishedUtc);
    }

    [Fact]
    public async Task Every_row_of_every_table_is_staged_once()
    {
        var provider = await NewProviderAsync();
        var export = new TestExport();

        var run = await export.LoadAsync(provider, new StagingOptions { BatchSize = 33 });
        await run.CompleteAsync(TestContext.Current.CancellationToken);

        var expected = export.Staged.Count + export.Unmapped.Count + export.Rejected.Count + export.Balance.Count + export.Articles.Count
            + export.Commitments.Count + export.ThirdParties.Count;
        Assert.Equal(expected, await StagedCounts.RowsOfRunAsync(provider, run.Id));
        Assert.Equal(expected, run.RowsWritten);
    }

    [Fact]
    public async Task Amounts_are_stored_exactly_to_the_cent()
    {
        var provider = await NewProviderAsync();
        var export = new TestExport();
        var run = await export.LoadAsync(provider);
        await run.CompleteAsync(TestContext.Current.CancellationToken);

        await using var connection = await provider.OpenAsync(TestContext.Current.CancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(
            "SELECT SUM(debit), SUM(credit) FROM published_staged_lines WHERE run_id = @run", new { run = run.Id.Value });
        Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken));
        Assert.Equal(export.Staged.Sum(s => s.Debit.Value), provider.ReadAmount(reader, 0).Value);
        Assert.Equal(export.Staged.Sum(s => s.Credit.Value), provider.ReadAmount(reader, 1).Value);
    }

    [Fact]
    public async Task Re_running_supersedes_the_published_run_and_never_duplicates()
    {
        var provider = await NewProviderAsync();
        var export = new TestExport();

        var first = await export.LoadAsync(provider);
        var firstFingerprint = await first.CompleteAsync(TestContext.Current.CancellationToken);
        var second = await export.LoadAsync(provider);
        var secondFingerprint = await second.CompleteAsync(TestContext.Current.CancellationToken);

        Assert.Equal(export.Staged.Count, await StagedCounts.VisibleStagedAsync(provider, "21009"));
        Assert.Equal(RunStatus.Superseded, (await StagedCounts.RunAsync(provider, first.Id)).Status);
        Assert.Equal(RunStatus.Published, (await StagedCounts.RunAsync(provider, second.Id)).Status);
        Assert.Equal(firstFingerprint, secondFingerprint);
    }

    [Fact]
    public async Task A_failure_mid_load_leaves_nothing_visible_and_the_published_run_intact()
    {
        var provider = await NewProviderAsync();
        var export = new TestExport();
        var published = await export.LoadAsync(provider);
        var fingerprint = await published.CompleteAsync(TestContext.Current.CancellationToken);

        var options = new StagingOptions
        {
            BatchSize = 40,
            BeforeBatchWrite = (attempt, _) => attempt.Batch == 3
                ? throw new InvalidOperationException("disk full (simulated permanent fault)")
                : ValueTask.CompletedTask,
        };
        var failing = await StagingRun.BeginAsync(provider, export.Header, options, TestContext.Current.CancellationToken);
        var error = await Assert.ThrowsAsync<StagingException>(async () =>
        {
            foreach (var line in export.Staged)
            {
                await failing.AddStagedAsync(line, TestContext.Current.CancellationToken);
            }
        });
        await failing.FailAsync(error.Message);

        Assert.Contains("batch 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("not published", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, failing.Retries + 1);
        Assert.Equal(export.Staged.Count, await StagedCounts.VisibleStagedAsync(provider, "21009"));
        var before = await StagedCounts.RunAsync(provider, published.Id);
        Assert.Equal((RunStatus.Published, fingerprint), (before.Status, before.Fingerprint));
        var failed = await StagedCounts.RunAsync(provider, failing.Id);
        Assert.Equal(RunStatus.Failed, failed.Status);
        Assert.Contains("batch 3", failed.FailureMessage, StringComparison.Ordinal);
        Assert.Equal(0, await StagedCounts.RowsOfRunAsync(provider, failing.Id));
    }

    [Fact]
    public async Task A_killed_run_is_abandoned_by_the_next_run_of_the_same_entity()
    {
        var provider = await NewProviderAsync();
        var export = new TestExport();
        // A run whose process dies: rows written, never published, never failed, its heartbeat stopped. (This process
        // no longer running it is what a process gone from this host looks like from here.)
        var killed = await export.LoadAsync(provider, new StagingOptions { BatchSize = 25 });
        Assert.NotEqual(0, await StagedCounts.RowsOfRunAsync(provider, killed.Id));
        await killed.DisposeAsync();

        var next = await export.LoadAsync(provider);
        await next.CompleteAsync(TestContext.Current.CancellationToken);

        Assert.Equal([killed.Id], next.Abandoned);
        var abandoned = await StagedCounts.RunAsync(provider, killed.Id);
        Assert.Equal(RunStatus.Failed, abandoned.Status);
        Assert.StartsWith("Abandoned", abandoned.FailureMessage, StringComparison.Ordinal);
        Assert.Equal(0, await StagedCounts.RowsOfRunAsync(provider, killed.Id));
        Assert.Equal(export.Staged.Count, await StagedCounts.VisibleStagedAsync(provider, "21009"));
    }

    [Fact]
    public async Task Runs_of_two_entities_load_at_the_same_time()
    {
        var provider = await NewProviderAsync();
        var commune = new TestExport("21009", "Commune d'Ixelles", 600);
        var cpas = new TestExport("21015", "CPAS de Schaerbeek", 500);

        var runs = await Task.WhenAll(
            Task.Run(async () => await (await commune.LoadAsync(provider, new StagingOptions { BatchSize = 50 })).CompleteAsync()),
            Task.Run(async () => await (await cpas.LoadAsync(provider, new StagingOptions { BatchSize = 50 })).CompleteAsync()));

        Assert.Equal(2, runs.Distinct().Count());
        Assert.Equal(commune.Staged.Count, await StagedCounts.VisibleStagedAsync(provider, "21009"));
        Assert.Equal(cpas.Staged.Count, await StagedCounts.VisibleStagedAsync(provider, "21015"));
        var published = (await RunList.ReadAsync(provider, TestContext.Current.CancellationToken)).Where(
            r => r.Status == RunStatus.Published);
        Assert.Equal(2, published.Count());
    }

    [Fact]
    public async Task A_transient_fault_is_retried_without_duplicating_rows()
    {
        var provider = await NewProviderAsync(new StagingProviderOptions { ShortLockTimeout = true });
        var export = new TestExport();
        var clean = await export.LoadAsync(provider);
        var cleanFingerprint = await clean.CompleteAsync(TestContext.Current.CancellationToken);

        var options = new StagingOptions {
            BatchSize = 30,
            RetryDelay = TimeSpan.FromMilliseconds(50),
            BeforeBatchWrite = TransientFaultAt(2, provider) };
        var retried = await export.LoadAsync(provider, options);
        var fingerprint = await retried.CompleteAsync(TestContext.Current.CancellationToken);

        Assert.True(retried.Retries >= 1, "the injected fault should have been met and retried");
        Assert.Equal(export.Staged.Count, await StagedCounts.VisibleStagedAsync(provider, "21009"));
        Assert.Equal(cleanFingerprint, fingerprint);
    }

    [Fact]
    public async Task The_fingerprint_does_not_depend_on_the_batch_size()
    {
        var provider = await NewProviderAsync();
        var export = new TestExport();

        var small = await (await export.LoadAsync(provider, new StagingOptions { BatchSize = 7 })).CompleteAsync(
            TestContext.Current.CancellationToken);
        var large = await (await export.LoadAsync(provider, new StagingOptions { BatchSize = 100_000 })).CompleteAsync(
            TestContext.Current.CancellationToken);

        Assert.Equal(small, large);
        Assert.Matches("^[0-9a-f]{64}$", small);
    }

    [Fact]
    public async Task The_fingerprint_is_the_same_as_on_sqlite()
    {
        var provider = await NewProviderAsync();
        var export = new TestExport();
        var fingerprint = await (await export.LoadAsync(provider, new StagingOptions { BatchSize = 64 })).CompleteAsync(
            TestContext.Current.CancellationToken);

        await using var sqlite = new SqliteStagingProvider(
            SqliteStagingProvider.ConnectionStringFor(Temp.Combine("reference.db"), Temp.Path));
        var reference = await (await export.LoadAsync(sqlite)).CompleteAsync(TestContext.Current.CancellationToken);

        Assert.Equal(reference, fingerprint);
    }

    [Fact]
    public async Task The_fingerprint_computed_while_loading_is_the_one_read_back_from_the_database()
    {
        var provider = await NewProviderAsync();
        var run = await new TestExport().LoadAsync(provider, new StagingOptions { BatchSize = 17 });

        var fingerprint = await run.CompleteAsync(TestContext.Current.CancellationToken);

        Assert.Null(run.FingerprintReadBack);
        Assert.Equal(await RunFingerprint.ComputeAsync(provider, run.Id, TestContext.Current.CancellationToken), fingerprint);
    }

    [Fact]
    public async Task Exceptions_that_outgrow_the_fingerprint_memory_are_read_back_with_the_same_digest()
    {
        var provider = await NewProviderAsync();
        var export = new TestExport();
        var streamed = await (await export.LoadAsync(provider)).CompleteAsync(TestContext.Current.CancellationToken);

        var run = await export.LoadAsync(provider, new StagingOptions { FingerprintMemory = 256 });
        var readBack = await run.CompleteAsync(TestContext.Current.CancellationToken);

        Assert.Contains("outgrew", run.FingerprintReadBack, StringComparison.Ordinal);
        Assert.Equal(streamed, readBack);
    }

    [Fact]
    public async Task Rows_given_out_of_order_are_read_back_in_canonical_order()
    {
        var provider = await NewProviderAsync();
        var export = new TestExport();
        var inOrder = await (await export.LoadAsync(provider)).CompleteAsync(TestContext.Current.CancellationToken);

        export.Staged.Reverse();
        var run = await export.LoadAsync(provider, new StagingOptions { BatchSize = 40 });
        var reversed = await run.CompleteAsync(TestContext.Current.CancellationToken);

        Assert.Contains("out of order", run.FingerprintReadBack, StringComparison.Ordinal);
        Assert.Equal(inOrder, reversed);
    }

    [Fact]
    public async Task A_different_amount_changes_the_fingerprint()
    {
        var provider = await NewProviderAsync();
        var export = new TestExport();
        var original = await (await export.LoadAsync(provider)).CompleteAsync(TestContext.Current.CancellationToken);
        export.Staged[0] = export.Staged[0] with { Debit = export.Staged[0].Debit + Extract.Values.Amount.FromCents(1) };
        var altered = await (await export.LoadAsync(provider)).CompleteAsync(TestContext.Current.CancellationToken);

        Assert.NotEqual(original, altered);
    }

    [Fact]
    public async Task Upgrading_the_schema_twice_applies_each_script_once()
    {
        var provider = await NewProviderAsync();

        await provider.EnsureSchemaAsync(TestContext.Current.CancellationToken);
        await provider.EnsureSchemaAsync(TestContext.Current.CancellationToken);

        await using var connection = await provider.OpenAsync(TestContext.Current.CancellationToken);
        Assert.Equal(
            SchemaScripts.For(provider.Kind.ToCode()).Select(s => s.Version),
            (await connection.QueryAsync<int>("SELECT version FROM schema_version")).Order());
    }

    [Fact]
    public async Task Runs_are_listed_newest_first()
    {
        var provider = await NewProviderAsync();
        var first = await new TestExport("21009").LoadAsync(provider);
        await first.CompleteAsync(TestContext.Current.CancellationToken);
        var second = await new TestExport("21015").LoadAsync(provider);

        var runs = await RunList.ReadAsync(provider, TestContext.Current.CancellationToken);

        Assert.Equal([second.Id, first.Id], runs.Select(r => r.Id));
        Assert.Equal(RunStatus.Loading, runs[0].Status);
        Assert.Null(runs[0].Fingerprint);
    }

    [Fact]
    public async Task One_run_is_found_by_its_id_as_the_list_shows_it()
    {
        var provider = await NewProviderAsync();
        var first = await new TestExport("21009").LoadAsync(provider);
        await first.CompleteAsync(TestContext.Current.CancellationToken);
        var second = await new TestExport("21015").LoadAsync(provider);

        var listed = await RunList.ReadAsync(provider, TestContext.Current.CancellationToken);
        var found = await RunList.FindAsync(provider, first.Id, TestContext.Current.CancellationToken);
        var other = await RunList.FindAsync(provider, second.Id, TestContext.Current.CancellationToken);
        var unknown = await RunList.FindAsync(provider, RunId.New(), TestContext.Current.CancellationToken);

        Assert.Equal(listed.Single(r => r.Id == first.Id), found);
        Assert.Equal(listed.Single(r => r.Id == second.Id), other);
        Assert.Null(unknown);
    }

    private Func<BatchAttempt, CancellationToken, ValueTask> TransientFaultAt(int batch, IStagingProvider provider)
        => Database.TransientFaultAt(batch, provider);
}

public sealed class SqliteStagingTests(SqliteDatabase database) : StagingTests<SqliteDatabase>(database);

public sealed class SqlServerStagingTests(SqlServerDatabase database) : StagingTests<SqlServerDatabase>(database);
