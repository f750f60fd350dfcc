using System.Data.Common;
using Bascule.Load.Providers;
using Bascule.Load.Runs;
using Bascule.Load.Runs.SignOffs;
using Bascule.Load.Schema;
using Bascule.Load.Tests.Staging;
using Bascule.Load.Tests.Schema;
using Bascule.TestSupport.Staging;
using Dapper;

namespace Bascule.Load.Tests.Runs;

/// <summary>
/// V004 and the held status: a run whose reconciliation is FAILED is held (complete, fingerprinted, rows kept, not
/// published); the entity-year's published run stays published; a held run is published only on purpose, with who,
/// when and why recorded; a later published run supersedes it. Run on real databases, once per provider.
/// </summary>
public abstract class HeldRunsTests<TDatabase>(TDatabase database) : UpgradeSuite<TDatabase>(database)
    where TDatabase : StagingDatabase
{
    private const string Reason = "Reviewed and signed by the accountant: the legacy control total is 1 EUR off.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_database_made_by_V001_to_V003_is_upgraded_by_V004_and_keeps_its_runs()
    {
        await using var provider = await CreateProviderAsync();
        var published = RunId.New();
        var superseded = RunId.New();
        var failed = RunId.New();
        // Runs as the V003 code wrote them: every status it knew, a job on one, a failure message on another.
        await CreateOldSchemaAsync(provider, s => s.Version < 4, async (connection, transaction, _) =>
        {
            foreach (var (run, status, days, job, message) in new[]
            {
                (superseded, "superseded", 3, (string?)null, (string?)null),
                (published, "published", 2, "42", null),
                (failed, "failed", 1, null, "Abandoned: the run stopped while loading."),
            })
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO runs (run_id, entity_name, entity_type, ins_code, fiscal_year, status, mapping_id, mapping_version,
                    mapping_sha256,
                                      started_utc, finished_utc, started_by, tool_version, fingerprint, failure_message, job)
                    VALUES (@run, 'Commune 21009', 'COMMUNE', '21009', 2023, @status, 'bxl-2024', '1.0.0', @sha, @started, @started,
                    'tester', '0.1.0', @fingerprint, @message, @job)
                    """,
                    new { run = run.Value, status, sha = new string('a', 64), started = DateTime.UtcNow
                        .AddDays(-days), fingerprint = status == "failed" ? null : new string('f', 64), message, job },
                    transaction,
                    cancellationToken: Ct));
            }
        });

        await provider.EnsureSchemaAsync(Ct);

        var runs = await RunList.ReadAsync(provider, Ct);
        Assert.Equal([failed, published, superseded], runs.Select(r => r.Id));
        Assert.Equal([RunStatus.Failed, RunStatus.Published, RunStatus.Superseded], runs.Select(r => r.Status));
        Assert.Equal([null, "42", null], runs.Select(r => r.Job));
        Assert.Equal(["Abandoned: the run stopped while loading.", null, null], runs.Select(r => r.FailureMessage));
        Assert.Equal([null, new string('f', 64), new string('f', 64)], runs.Select(r => r.Fingerprint));
        Assert.All(runs, r => Assert.Null(r.Override));
        await using (var connection = await provider.OpenAsync(Ct))
        {
            Assert.Equal(SchemaScripts.For(Folder).Select(s => s.Version), (await connection.QueryAsync<int>(
                new CommandDefinition("SELECT version FROM schema_version", cancellationToken: Ct))).Order());
            Assert.Equal(
                [published.Value],
                await connection.QueryAsync<string>(new CommandDefinition("SELECT run_id FROM published_runs", cancellationToken: Ct)));
            // The rebuilt (SQLite) or altered table still refuses an unknown status and a second published run of an entity-year.
            await Assert.ThrowsAnyAsync<DbException>(() => connection.ExecuteAsync(new CommandDefinition(
                "UPDATE runs SET status = 'parked' WHERE run_id = @run", new { run = failed.Value }, cancellationToken: Ct)));
            await Assert.ThrowsAnyAsync<DbException>(() => connection.ExecuteAsync(new CommandDefinition(
                "UPDATE runs SET status = 'published' WHERE run_id = @run", new { run = superseded.Value }, cancellationToken: Ct)));
        }

        // The upgraded database takes a held run, keeps it out of the published views, and the published run stays.
        var export = new TestExport();
        var held = await HoldAsync(provider, export);
        Assert.Equal(published, held.StillPublished);
        Assert.Equal(RunStatus.Held, (await StagedCounts.RunAsync(provider, held.Run)).Status);
        Assert.Equal(RunStatus.Published, (await StagedCounts.RunAsync(provider, published)).Status);
        Assert.Equal(0, await StagedCounts.VisibleStagedAsync(provider, "21009"));
    }

    [Fact]
    public async Task A_held_run_keeps_its_rows_out_of_the_published_views_and_leaves_the_published_run_untouched()
    {
        await using var provider = await CreateProviderAsync();
        var export = new TestExport();
        var ok = await export.LoadAsync(provider);
        var okFingerprint = await ok.CompleteAsync(Ct);

        var held = await HoldAsync(provider, new TestExport(lines: 150));

        Assert.Equal(ok.Id, held.StillPublished);
        var okRun = await StagedCounts.RunAsync(provider, ok.Id);
        Assert.Equal((RunStatus.Published, okFingerprint), (okRun.Status, okRun.Fingerprint));
        var heldRun = await StagedCounts.RunAsync(provider, held.Run);
        Assert.Equal((RunStatus.Held, held.Fingerprint), (heldRun.Status, heldRun.Fingerprint));
        Assert.Contains("controlTotals:ECRITURES.csv:debit", heldRun.FailureMessage, StringComparison.Ordinal);
        Assert.NotNull(heldRun.FinishedUtc);
        Assert.True(await StagedCounts.RowsOfRunAsync(provider, held.Run) > 0, "the held run's rows are kept for its reports");
        Assert.Equal(export.Staged.Count, await StagedCounts.VisibleStagedAsync(provider, "21009"));
        Assert.Equal([ok.Id.Value], await PublishedRunsAsync(provider));
    }

    [Fact]
    public async Task Publishing_a_held_run_records_who_when_and_why_and_supersedes_the_published_run()
    {
        await using var provider = await CreateProviderAsync();
        var ok = await new TestExport().LoadAsync(provider);
        await ok.CompleteAsync(Ct);
        var heldExport = new TestExport(lines: 150);
        var held = await HoldAsync(provider, heldExport);
        var before = DateTime.UtcNow.AddSeconds(-1);

        var published = await RunStore.PublishHeldAsync(provider, held.Run, SignOffRequests.PublishHeld(held.Run, Reason, "j.dupont"), Ct);

        Assert.Equal((held.Run, ok.Id, held.Fingerprint), (published.Run, published.Superseded, published.Fingerprint));
        var run = await StagedCounts.RunAsync(provider, held.Run);
        Assert.Equal((RunStatus.Published, held.Fingerprint), (run.Status, run.Fingerprint));
        Assert.NotNull(run.Override);
        Assert.Equal(("j.dupont", Reason), (run.Override.By, run.Override.Reason));
        Assert.InRange(run.Override.Utc, before, DateTime.UtcNow.AddSeconds(1));
        var okRun = await StagedCounts.RunAsync(provider, ok.Id);
        Assert.Equal(RunStatus.Superseded, okRun.Status);
        Assert.Null(okRun.Override);
        Assert.Equal(heldExport.Staged.Count, await StagedCounts.VisibleStagedAsync(provider, "21009"));
        Assert.Equal([held.Run.Value], await PublishedRunsAsync(provider));
        // Readers of the published runs see that this one was published over a FAILED reconciliation, and by whom.
        await using var connection = await provider.OpenAsync(Ct);
        Assert.Equal("j.dupont", await connection.ExecuteScalarAsync<string>(
            new CommandDefinition("SELECT override_by FROM published_runs", cancellationToken: Ct)));
    }

    [Fact]
    public async Task Only_a_held_run_is_published_with_a_reason_and_nothing_changes_when_refused()
    {
        await using var provider = await CreateProviderAsync();
        var ok = await new TestExport().LoadAsync(provider);
        await ok.CompleteAsync(Ct);
        var held = await HoldAsync(provider, new TestExport(lines: 150));
        var before = await RunList.ReadAsync(provider, Ct);

        var notHeld = await Assert.ThrowsAsync<StagingException>(
            () => RunStore.PublishHeldAsync(provider, ok.Id, SignOffRequests.PublishHeld(ok.Id, Reason, "j.dupont"), Ct));
        var unknown = await Assert.ThrowsAsync<StagingException>(
            () => RunStore.PublishHeldAsync(provider, RunId.New(), SignOffRequests.PublishHeld(RunId.New(), Reason, "j.dupont"), Ct));
        await Assert.ThrowsAsync<SignOffRefusedException>(
            () => RunStore.PublishHeldAsync(provider, held.Run, SignOffRequests.PublishHeld(held.Run, "  ", "j.dupont"), Ct));

        Assert.Contains("is published, not held", notHeld.Message, StringComparison.Ordinal);
        Assert.Contains("There is no run", unknown.Message, StringComparison.Ordinal);
        Assert.Equal(before, await RunList.ReadAsync(provider, Ct));
    }

    [Fact]
    public async Task A_held_run_whose_rows_changed_since_it_was_held_is_not_published()
    {
        await using var provider = await CreateProviderAsync();
        var held = await HoldAsync(provider, new TestExport(lines: 60));
        await using (var connection = await provider.OpenAsync(Ct))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE staged_lines SET label = 'edited after review' WHERE run_id = @run AND record = (SELECT MIN(record) FROM "
                    + "staged_lines WHERE run_id = @run)",
                new { run = held.Run.Value },
                cancellationToken: Ct));
        }

        var error = await Assert.ThrowsAsync<StagingException>(
            () => RunStore.PublishHeldAsync(provider, held.Run, SignOffRequests.PublishHeld(held.Run, Reason, "j.dupont"), Ct));

        Assert.Contains("rows changed since it was held", error.Message, StringComparison.Ordinal);
        Assert.Equal(RunStatus.Held, (await StagedCounts.RunAsync(provider, held.Run)).Status);
        Assert.Empty(await PublishedRunsAsync(provider));
    }

    [Fact]
    public async Task A_new_run_leaves_held_runs_alone_and_once_published_supersedes_them()
    {
        await using var provider = await CreateProviderAsync();
        var held = await HoldAsync(provider, new TestExport(lines: 150));
        var rows = await StagedCounts.RowsOfRunAsync(provider, held.Run);

        // Beginning a run cleans up the loading and failed runs of the entity-year, never a held one.
        var later = await new TestExport().LoadAsync(provider);
        Assert.Empty(later.Abandoned);
        Assert.Equal(RunStatus.Held, (await StagedCounts.RunAsync(provider, held.Run)).Status);
        Assert.Equal(rows, await StagedCounts.RowsOfRunAsync(provider, held.Run));

        await later.CompleteAsync(Ct);

        Assert.Equal(RunStatus.Superseded, (await StagedCounts.RunAsync(provider, held.Run)).Status);
        Assert.Equal(RunStatus.Published, (await StagedCounts.RunAsync(provider, later.Id)).Status);
        await Assert.ThrowsAsync<StagingException>(
            () => RunStore.PublishHeldAsync(provider, held.Run, SignOffRequests.PublishHeld(held.Run, Reason, "j.dupont"), Ct));
        Assert.Equal([later.Id.Value], await PublishedRunsAsync(provider));
    }

    /// <summary>Loads an export and holds its run as the pipeline does when the reconciliation is FAILED.</summary>
    private static async Task<(RunId Run, string Fingerprint, RunId? StillPublished)> HoldAsync(
        IStagingProvider provider,
        TestExport export)
    {
        var run = await export.LoadAsync(provider);
        var fingerprint = await run.FingerprintAsync(Ct);
        var stillPublished = await RunStore.HoldAsync(
            provider,
            run.Id,
            run.Header,
            fingerprint,
            "Held, not published: reconciliation FAILED (controlTotals:ECRITURES.csv:debit).",
            Ct);
        return (run.Id, fingerprint, stillPublished);
    }

    private static async Task<List<string>> PublishedRunsAsync(IStagingProvider provider)
    {
        await using var connection = await provider.OpenAsync(Ct);
        return [.. await connection.QueryAsync<string>(new CommandDefinition("SELECT run_id FROM published_runs", cancellationToken: Ct))];
    }
}

public sealed class SqliteHeldRunsTests(SqliteDatabase database) : HeldRunsTests<SqliteDatabase>(database);

public sealed class PostgresHeldRunsTests(PostgresDatabase database) : HeldRunsTests<PostgresDatabase>(database);

public sealed class SqlServerHeldRunsTests(SqlServerDatabase database) : HeldRunsTests<SqlServerDatabase>(database);
