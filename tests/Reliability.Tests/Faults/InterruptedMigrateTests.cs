using Bascule.Load.Providers;
using Bascule.Load.Providers.Postgres;
using Bascule.Load.Providers.Sqlite;
using Bascule.Load.Runs;
using Bascule.TestSupport;
using Microsoft.Data.Sqlite;

namespace Bascule.Reliability.Tests.Faults;

/// <summary>
/// The real <c>bascule migrate</c> interrupted by a real SIGINT (Ctrl-C) or SIGTERM in the middle of its load, on
/// PostgreSQL and on SQLite: it stops cleanly, exits 130 saying what happened, marks its run failed ("Interrupted"),
/// deletes its rows and leaves the published run exactly as it was; the next migrate publishes. A second Ctrl-C, while
/// the cleanup is held up, ends the process at once: the run then stays loading, invisible, and the next run cleans it
/// up as after a kill.
/// </summary>
public sealed class InterruptedMigrateTests(PostgresServer server, ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Theory]
    [InlineData("sqlite", "INT")]
    [InlineData("sqlite", "TERM")]
    [InlineData("postgres", "INT")]
    [InlineData("postgres", "TERM")]
    public async Task Migrate_interrupted_mid_load_exits_130_fails_its_run_and_leaves_the_published_run(string providerName, string signal)
    {
        var ct = TestContext.Current.CancellationToken;
        var (connection, provider) = await StagingAsync(providerName);
        await using var _ = provider;
        var entity = TestEntity.Generate(_temp, providerName == "postgres" ? "21041" : "21042", lines: 8_000, seed: 41);
        var reference = await Migrations.ReferenceAsync(entity, _temp);
        await Migrations.RunAsync(provider, entity, _temp, cancellationToken: ct);
        var before = await PublishedState.ReadAsync(provider, entity);
        Invariant.OneCompleteRun(before, reference);
        string[] migrate = ["migrate", "--export", entity.Folder, "--mapping", TestEntity
            .Mapping, "--provider", providerName, "--connection", connection];

        int code;
        string text;
        (string Run, long Rows) caught;
        using (var child = CliProcess.StartInterruptible(
            _temp.Path,
            [.. migrate, "--out", _temp.Combine("interrupted-report"), "--batch-size", "50"]))
        {
            caught = await MidLoad.WaitAsync(child, provider, ct);
            await child.SignalAsync(signal, ct);
            code = await child.WaitForExitAsync(ct);
            text = CliProcess.Flat(child.Output);
        }

        Tally.FaultInjected();
        var cause = signal == "INT" ? "Ctrl-C (SIGINT)" : "SIGTERM";
        Assert.True(code == 130, $"exit code {code}, expected 130:\n{text}");
        Assert.Contains($"Interrupted by {cause}: Run {caught.Run} of", text, StringComparison.Ordinal);
        Assert.Contains("It is marked failed and its rows are deleted.", text, StringComparison.Ordinal);
        Assert.Contains($"{before.RunId}, is unchanged.", text, StringComparison.Ordinal);
        Assert.Contains("Run the same migrate command again", text, StringComparison.Ordinal);
        // One line, whatever the width a terminal would have: output redirected to a log is never wrapped.
        Assert.Matches(System.Text.RegularExpressions.Regex.Escape($"Interrupted by {cause}: Run {caught.Run} of")
            + "[^\n]*Run the same migrate command again", text);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_temp.Combine("interrupted-report"))
            && Directory.EnumerateFileSystemEntries(_temp.Combine("interrupted-report")).Any());
        var after = await PublishedState.ReadAsync(provider, entity);
        Invariant.Unchanged(before, after);
        Assert.Equal(before.Fingerprint, after.Fingerprint);
        var interrupted = after.Runs.Single(r => r.Id.Value == caught.Run);
        Assert.Equal(RunStatus.Failed, interrupted.Status);
        Assert.StartsWith("Interrupted: the run was cancelled (Ctrl-C or SIGTERM)", interrupted.FailureMessage, StringComparison.Ordinal);
        Assert.Equal(0, (await PublishedState.RowsOfRunAsync(provider, caught.Run)).Sum());
        Tally.RunUnchanged();

        var (rerun, rerunOutput) = await CliProcess.RunAsync(_temp.Path, [.. migrate, "--out", _temp.Combine("rerun-report")], ct);
        Assert.True(rerun == 0, $"migrate after the interruption exited with {rerun}:\n{rerunOutput}");
        var final = await PublishedState.ReadAsync(provider, entity);
        Invariant.OneCompleteRun(final, reference);
        Tally.RunRecovered();
        output.WriteLine(
            $"SIG{signal} {providerName}: caught with {caught.Rows} staged rows of run {caught.Run} committed; exit 130, run failed with "
                + $"0 rows left, " +
            $"published run {before.RunId} unchanged; re-run published {final.RunId}. Output:\n{text}");
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_second_Ctrl_C_ends_migrate_at_once_and_the_next_run_cleans_up_its_run(string providerName)
    {
        var ct = TestContext.Current.CancellationToken;
        var (connection, provider) = await StagingAsync(providerName);
        await using var _ = provider;
        var entity = TestEntity.Generate(_temp, providerName == "postgres" ? "21043" : "21044", lines: 8_000, seed: 43);
        var reference = await Migrations.ReferenceAsync(entity, _temp);
        string[] migrate = ["migrate", "--export", entity.Folder, "--mapping", TestEntity
            .Mapping, "--provider", providerName, "--connection", connection];

        int code;
        string text;
        (string Run, long Rows) caught;
        using (var child = CliProcess.StartInterruptible(_temp.Path, [.. migrate, "--batch-size", "50"]))
        {
            caught = await MidLoad.WaitAsync(child, provider, ct);
            // The test holds up the cleanup the first Ctrl-C starts (the run's row on PostgreSQL, the write lock on SQLite),
            // so that the second Ctrl-C certainly comes before it ends.
            await using (await HoldCleanupAsync(providerName, connection, caught.Run))
            {
                await child.SignalAsync("INT", ct);
                Assert.True(await child.WaitForLineAsync("Ctrl-C (SIGINT) received: stopping cleanly", ct), child.Output);
                await child.SignalAsync("INT", ct);
                code = await child.WaitForExitAsync(ct);
                text = CliProcess.Flat(child.Output);
            }
        }

        Tally.FaultInjected();
        Assert.True(code == 130, $"exit code {code}, expected 130:\n{text}");
        Assert.Contains("Stopping at once (Ctrl-C (SIGINT) again): the run stays 'loading'", text, StringComparison.Ordinal);
        Assert.DoesNotContain("is marked failed", text, StringComparison.Ordinal);
        var stopped = await PublishedState.ReadAsync(provider, entity);
        Assert.Empty(stopped.Published);
        Assert.Equal(RunStatus.Loading, stopped.Runs.Single(r => r.Id.Value == caught.Run).Status);
        Assert.Equal(0, stopped.ForeignVisibleRows);

        var (rerun, rerunOutput) = await CliProcess.RunAsync(_temp.Path, migrate, ct);
        Assert.True(rerun == 0, $"migrate after the forced stop exited with {rerun}:\n{rerunOutput}");
        var final = await PublishedState.ReadAsync(provider, entity);
        Invariant.OneCompleteRun(final, reference);
        var abandoned = final.Runs.Single(r => r.Id.Value == caught.Run);
        Assert.Equal(RunStatus.Failed, abandoned.Status);
        Assert.StartsWith("Abandoned: its process", abandoned.FailureMessage, StringComparison.Ordinal);
        Assert.Equal(0, (await PublishedState.RowsOfRunAsync(provider, caught.Run)).Sum());
        Tally.RunRecovered();
        output.WriteLine($"second Ctrl-C {providerName}: exit 130 at once, run {caught.Run} left loading; the re-run abandoned it "
            + $"({abandoned.FailureMessage}) and published {final.RunId}");
    }

    public void Dispose() => _temp.Dispose();

    private async Task<(string Connection, IStagingProvider Provider)> StagingAsync(string providerName)
    {
        if (providerName == "postgres")
        {
            var connection = await server.CreateDatabaseAsync();
            return (connection, new PostgresStagingProvider(connection));
        }

        var file = _temp.Combine("staging.db");
        return (file, new SqliteStagingProvider(SqliteStagingProvider.ConnectionStringFor(file, _temp.Path)));
    }

    private static async Task<IAsyncDisposable> HoldCleanupAsync(string providerName, string connection, string run)
    {
        if (providerName == "postgres")
        {
            return await PostgresFaults.HoldAsync(connection, "SELECT 1 FROM runs WHERE run_id = @run FOR UPDATE", new { run });
        }

        var holder = new SqliteConnection(
            new SqliteConnectionStringBuilder { DataSource = connection, Pooling = false, DefaultTimeout = 60 }.ConnectionString);
        await holder.OpenAsync();
        await using (var begin = holder.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            await begin.ExecuteNonQueryAsync();
        }

        return holder;
    }
}
