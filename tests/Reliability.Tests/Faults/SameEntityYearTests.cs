using Bascule.Load.Providers;
using Bascule.Load.Providers.Postgres;
using Bascule.Load.Providers.Sqlite;
using Bascule.Load.Runs;
using Bascule.TestSupport;
using Dapper;

namespace Bascule.Reliability.Tests.Faults;

/// <summary>
/// Two real <c>bascule migrate</c> processes on the same entity and year, on PostgreSQL and on SQLite. The first is
/// caught mid-load and frozen (SIGSTOP: alive, its lease valid, its next batch not coming) while the second starts. The
/// second stops at once with exit 1, naming the run that holds the entity-year, its host, process and since when, and
/// writes nothing; with <c>--wait</c> it waits, and loads once the first (resumed with SIGCONT) has published. The first
/// publishes normally either way. A run left loading on another host is cleaned up once its lease expired, not before.
/// </summary>
[DapperAot(false)]
public sealed class SameEntityYearTests(PostgresServer server, ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_second_migrate_stops_at_once_naming_the_holder_and_the_first_publishes(string providerName)
    {
        var ct = TestContext.Current.CancellationToken;
        var (connection, provider) = await StagingAsync(providerName);
        await using var _ = provider;
        var entity = TestEntity.Generate(_temp, providerName == "postgres" ? "21051" : "21052", lines: 8_000, seed: 51);
        var reference = await Migrations.ReferenceAsync(entity, _temp);
        string[] migrate = ["migrate", "--export", entity.Folder, "--mapping", TestEntity
            .Mapping, "--provider", providerName, "--connection", connection];

        using var first = CliProcess.Start(_temp.Path, [.. migrate, "--batch-size", "50"]);
        var (holder, _) = await MidLoad.WaitAsync(first, provider, ct);
        await first.SignalAsync("STOP", ct);
        int code;
        string text;
        try
        {
            (code, text) = await CliProcess.RunAsync(_temp.Path, migrate, ct);
            text = CliProcess.Flat(text);
            Assert.Equal([holder], (await RunList.ReadAsync(provider, ct)).Select(r => r.Id.Value));
        }
        finally
        {
            await first.SignalAsync("CONT", ct);
        }

        Assert.True(code == 1, $"the second migrate exited with {code}, expected 1:\n{text}");
        Assert.Contains($"is still loading: run {holder}, loading since ", text, StringComparison.Ordinal);
        Assert.Contains($"on host {Environment.MachineName}, process {first.Id}", text, StringComparison.Ordinal);
        Assert.Contains("This run stopped before writing anything", text, StringComparison.Ordinal);
        Assert.Contains("--wait", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.True(await first.WaitForExitAsync(ct) == 0, "the first migrate should publish:\n" + first.Output);
        var state = await PublishedState.ReadAsync(provider, entity);
        Invariant.OneCompleteRun(state, reference);
        Assert.Equal(holder, state.RunId);
        Assert.Single(state.Runs);
        output.WriteLine(
            $"{providerName}: the second migrate exited 1 before writing anything: \"{text.Trim()}\"; the first published {holder}");
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task With_wait_the_second_migrate_waits_for_the_first_and_then_publishes_after_it(string providerName)
    {
        var ct = TestContext.Current.CancellationToken;
        var (connection, provider) = await StagingAsync(providerName);
        await using var _ = provider;
        var entity = TestEntity.Generate(_temp, providerName == "postgres" ? "21053" : "21054", lines: 8_000, seed: 53);
        var reference = await Migrations.ReferenceAsync(entity, _temp);
        string[] migrate = ["migrate", "--export", entity.Folder, "--mapping", TestEntity
            .Mapping, "--provider", providerName, "--connection", connection];

        using var first = CliProcess.Start(_temp.Path, [.. migrate, "--batch-size", "50"]);
        var (holder, _) = await MidLoad.WaitAsync(first, provider, ct);
        await first.SignalAsync("STOP", ct);
        using var second = CliProcess.Start(_temp.Path, [.. migrate, "--wait"]);
        try
        {
            Assert.True(
                await second.WaitForLineAsync("waiting: another run is loading", ct),
                "the second migrate should wait:\n" + second.Output);
            Assert.False(second.HasExited);
            Assert.Equal([holder], (await RunList.ReadAsync(provider, ct)).Select(r => r.Id.Value));
        }
        finally
        {
            await first.SignalAsync("CONT", ct);
        }

        Assert.True(await first.WaitForExitAsync(ct) == 0, "the first migrate should publish:\n" + first.Output);
        Assert.True(await second.WaitForExitAsync(ct) == 0, "the second migrate should publish after the first:\n" + second.Output);
        Assert.Contains($"run {holder}, loading since", CliProcess.Flat(second.Output), StringComparison.Ordinal);
        var state = await PublishedState.ReadAsync(provider, entity);
        Invariant.OneCompleteRun(state, reference);
        Assert.Equal(2, state.Runs.Count);
        var firstRun = state.Runs.Single(r => r.Id.Value == holder);
        var secondRun = state.Runs.Single(r => r.Id.Value != holder);
        Assert.Equal((RunStatus.Superseded, RunStatus.Published), (firstRun.Status, secondRun.Status));
        Assert.True(
            secondRun.StartedUtc >= firstRun.FinishedUtc,
            $"the second run started at {secondRun.StartedUtc:O}, before the first finished at {firstRun.FinishedUtc:O}");
        output.WriteLine($"{providerName}: the second migrate waited for {holder}, then published {secondRun.Id}; the first is superseded");
    }

    [Fact]
    public async Task Ctrl_C_while_waiting_stops_the_second_migrate_with_130_and_nothing_written()
    {
        var ct = TestContext.Current.CancellationToken;
        var (connection, provider) = await StagingAsync("sqlite");
        await using var _ = provider;
        var entity = TestEntity.Generate(_temp, "21057", lines: 8_000, seed: 57);
        string[] migrate = ["migrate", "--export", entity.Folder, "--mapping", TestEntity
            .Mapping, "--provider", "sqlite", "--connection", connection];

        using var first = CliProcess.Start(_temp.Path, [.. migrate, "--batch-size", "50"]);
        var (holder, _) = await MidLoad.WaitAsync(first, provider, ct);
        await first.SignalAsync("STOP", ct);
        int code;
        string text;
        try
        {
            using var second = CliProcess.StartInterruptible(_temp.Path, [.. migrate, "--wait"]);
            Assert.True(
                await second.WaitForLineAsync("waiting: another run is loading", ct),
                "the second migrate should wait:\n" + second.Output);
            await second.SignalAsync("INT", ct);
            code = await second.WaitForExitAsync(ct);
            text = CliProcess.Flat(second.Output);
            Assert.Equal([holder], (await RunList.ReadAsync(provider, ct)).Select(r => r.Id.Value));
        }
        finally
        {
            await first.SignalAsync("CONT", ct);
        }

        Tally.FaultInjected();
        Assert.True(code == 130, $"the waiting migrate exited with {code}, expected 130:\n{text}");
        Assert.Contains("Interrupted by Ctrl-C (SIGINT): The migration was cancelled before its run started: nothing was written to the "
            + "staging database.", text, StringComparison.Ordinal);
        Assert.True(await first.WaitForExitAsync(ct) == 0, "the first migrate should publish:\n" + first.Output);
        Assert.Equal(holder, (await PublishedState.ReadAsync(provider, entity)).RunId);
        output.WriteLine($"Ctrl-C while waiting: exit 130, nothing written; the first published {holder}. Output: {text}");
    }

    [Theory]
    [InlineData("sqlite", true)]
    [InlineData("sqlite", false)]
    [InlineData("postgres", true)]
    [InlineData("postgres", false)]
    public async Task A_run_left_loading_on_another_host_is_cleaned_up_once_its_lease_expired_and_not_before(
        string providerName,
        bool expired)
    {
        var ct = TestContext.Current.CancellationToken;
        var (connection, provider) = await StagingAsync(providerName);
        await using var _ = provider;
        var entity = TestEntity.Generate(_temp, providerName == "postgres" ? "21055" : "21056", lines: 8_000, seed: 55);
        var reference = await Migrations.ReferenceAsync(entity, _temp);
        string[] migrate = ["migrate", "--export", entity.Folder, "--mapping", TestEntity
            .Mapping, "--provider", providerName, "--connection", connection];
        // A run that another machine left loading: killed here mid-load, then recorded as another host's with its heartbeat.
        string stale;
        using (var killed = CliProcess.Start(_temp.Path, [.. migrate, "--batch-size", "50"]))
        {
            stale = (await MidLoad.WaitAsync(killed, provider, ct)).Run;
            await killed.KillAsync(ct);
        }

        var heartbeat = expired ? DateTime.UtcNow.AddMinutes(-5) : DateTime.UtcNow;
        await using (var db = await provider.OpenAsync(ct))
        {
            await db.ExecuteAsync(
                "UPDATE runs SET lease_host = 'another-host', lease_pid = 4242, heartbeat_utc = @heartbeat, lease_expires_utc = @expires "
                    + "WHERE run_id = @run",
                new { run = stale, heartbeat, expires = heartbeat.AddSeconds(60) });
        }

        Tally.FaultInjected();
        var (code, text) = await CliProcess.RunAsync(_temp.Path, migrate, ct);
        var state = await PublishedState.ReadAsync(provider, entity);
        var left = state.Runs.Single(r => r.Id.Value == stale);
        if (!expired)
        {
            Assert.True(code == 1, $"migrate beside a live lease exited with {code}, expected 1:\n{text}");
            Assert.Contains($"run {stale}, loading since", CliProcess.Flat(text), StringComparison.Ordinal);
            Assert.Contains("on host another-host, process 4242", CliProcess.Flat(text), StringComparison.Ordinal);
            Assert.Equal(RunStatus.Loading, left.Status);
            Assert.NotEqual(0, (await PublishedState.RowsOfRunAsync(provider, stale)).Sum());
            Assert.Empty(state.Published);
            output.WriteLine($"{providerName}: a run of another host with a live lease was left alone; migrate exited 1");
            return;
        }

        Assert.True(code == 0, $"migrate after an expired lease exited with {code}:\n{text}");
        Invariant.OneCompleteRun(state, reference);
        Assert.Equal(RunStatus.Failed, left.Status);
        Assert.StartsWith("Abandoned: its lease expired at", left.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("host another-host, process 4242", left.FailureMessage, StringComparison.Ordinal);
        Assert.Equal(0, (await PublishedState.RowsOfRunAsync(provider, stale)).Sum());
        Tally.RunRecovered();
        output.WriteLine($"{providerName}: the run of another host whose lease expired was cleaned up ({left.FailureMessage}); migrate "
            + $"published {state.RunId}");
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
}
