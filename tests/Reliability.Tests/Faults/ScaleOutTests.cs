using System.Diagnostics;
using System.Text.RegularExpressions;
using Bascule.Jobs.Hosting;
using Bascule.Load.Providers;
using Bascule.Load.Providers.Postgres;
using Bascule.Load.Providers.SqlServer;
using Bascule.Load.Runs;
using Bascule.TestSupport;
using Dapper;
using Hangfire;

namespace Bascule.Reliability.Tests.Faults;

/// <summary>
/// Scale-out with real processes: two <c>bascule serve</c> processes, one worker each, on one shared job storage and one
/// staging database, share six entity-years; one of them is killed with SIGKILL while it runs a job. The other takes that
/// job over once the configured invisibility timeout has passed (not after 30 minutes), every entity-year ends with
/// exactly one published run, and the killed process's run is abandoned with none of its rows left. The suite runs once
/// per shared storage: PostgreSQL, and SQL Server where one is available.
/// </summary>
[DapperAot(false)]
public abstract partial class ScaleOutTests(ITestOutputHelper output) : IDisposable
{
    private const int InvisibilitySeconds = 20;
    private readonly TempDirectory _temp = new();

    /// <summary>The staging provider name and connection, and the job storage kind and connection, each a database of its own.</summary>
    protected abstract Task<(string Provider, string Staging, string JobsKind, string Jobs)> DatabasesAsync();

    protected abstract IStagingProvider OpenStaging(string connection);

    [Fact]
    public async Task Two_serve_processes_share_six_entity_years_and_one_takes_over_the_job_of_the_other_killed_with_SIGKILL()
    {
        var ct = TestContext.Current.CancellationToken;
        var (provider, staging, jobsKind, jobs) = await DatabasesAsync();
        await using var stagingProvider = OpenStaging(staging);
        var (fleet, entities) = FleetFile.Write(_temp, 6, lines: 20_000, firstIns: 21060);
        string[] shared = ["--provider", provider, "--connection", staging, "--jobs-storage", jobsKind, "--jobs-connection", jobs];
        using var first = StartServe("first", shared);
        using var second = StartServe("second", shared);
        Assert.True(await first.WaitForTextAsync("Application started", ct), first.Output);
        Assert.True(await second.WaitForTextAsync("Application started", ct), second.Output);

        var (code, enqueued) = await CliProcess.RunAsync(
            _temp.Path,
            ["enqueue", "--all", "--year", FleetFile.Year.ToString(), "--fleet", fleet, .. shared[4..]],
            ct);
        Assert.True(code == 0, enqueued);
        var jobIds = JobLine().Matches(enqueued).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(entities.Count, jobIds.Count);

        var (killedRun, killedJob) = await KillWhileItRunsAJobAsync(first, stagingProvider, ct);
        var killedAt = DateTime.UtcNow;
        Tally.FaultInjected();

        var storage = JobStorages.Create(jobsKind, jobs);
        var states = await WaitForAllAsync(storage, jobIds, second, ct);
        Assert.All(jobIds, id => Assert.Equal("Succeeded", states[id]));
        var takeover = storage.GetMonitoringApi().JobDetails(killedJob).History
            .Where(h => h.StateName == "Processing").OrderBy(h => h.CreatedAt).Last();
        var waited = takeover.CreatedAt - killedAt;
        // Taken up once the job's last keep-alive is older than the timeout, found at the next poll of the queue.
        Assert.True(
            waited < TimeSpan.FromSeconds(InvisibilitySeconds + 15),
            $"the killed job was taken over {waited.TotalSeconds:0} s after the kill");
        Assert.Contains($":{second.Id}:", takeover.Data["ServerId"], StringComparison.Ordinal);

        foreach (var entity in entities)
        {
            var state = await PublishedState.ReadAsync(stagingProvider, entity);
            Assert.True(state.Published.Count == 1, $"{entity.Describe}: {state.Describe}");
            Assert.Equal(0, state.ForeignVisibleRows);
            Assert.Equal(0, state.FailedRunRows);
        }

        var abandoned = (await RunList.ReadAsync(stagingProvider, ct)).Single(r => r.Id.Value == killedRun);
        Assert.Equal(RunStatus.Failed, abandoned.Status);
        Assert.StartsWith("Abandoned", abandoned.FailureMessage, StringComparison.Ordinal);
        Assert.Equal(0, (await PublishedState.RowsOfRunAsync(stagingProvider, killedRun)).Sum());
        Tally.RunRecovered();

        await second.SignalAsync("TERM", ct);
        Assert.Equal(0, await second.WaitForExitAsync(ct));
        output.WriteLine(
            $"{provider}/{jobsKind}: first serve (pid {first.Id}) killed while running job {killedJob} (run {killedRun}); the second took "
                + $"it over " +
            $"{waited.TotalSeconds:0} s later (invisibility timeout {InvisibilitySeconds} s) and finished all {jobIds.Count} jobs; each "
                + $"entity-year published once; " +
            $"the killed run: {abandoned.FailureMessage}");
    }

    public void Dispose()
    {
        _temp.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Freezes the process (SIGSTOP) when the staging database shows a run loading under its lease, reads that run while
    /// nothing can move, and kills it (SIGKILL); between two jobs it lets it go on (SIGCONT) and looks again.
    /// </summary>
    private static async Task<(string Run, string Job)> KillWhileItRunsAJobAsync(
        CliProcess serve,
        IStagingProvider staging,
        CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (await LoadingRunOfAsync(staging, serve.Id) is null)
            {
                await Task.Delay(50, ct);
                continue;
            }

            await serve.SignalAsync("STOP", ct);
            if (await LoadingRunOfAsync(staging, serve.Id) is { } held)
            {
                await serve.KillAsync(ct);
                return held;
            }

            await serve.SignalAsync("CONT", ct);
        }

        throw new TimeoutException($"The first serve ran no job within 3 minutes:\n{serve.Output}");
    }

    private static async Task<(string Run, string Job)?> LoadingRunOfAsync(IStagingProvider staging, int processId)
    {
        await using var connection = await staging.OpenAsync(CancellationToken.None);
        var row = await connection.QueryFirstOrDefaultAsync<(string RunId, string Job)?>(
            "SELECT run_id AS RunId, job AS Job FROM runs WHERE status = 'loading' AND lease_pid = @pid", new { pid = processId });
        return row is { } r ? (r.RunId, r.Job) : null;
    }

    private static async Task<IReadOnlyDictionary<string, string?>> WaitForAllAsync(
        JobStorage storage,
        IReadOnlyList<string> jobIds,
        CliProcess serve,
        CancellationToken ct)
    {
        // The remaining jobs, one at a time, plus the takeover: generous, far below the 30 minutes of the default timeout.
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            using var connection = storage.GetConnection();
            var states = jobIds.ToDictionary(id => id, id => connection.GetStateData(id)?.Name);
            if (states.Values.All(s => s is "Succeeded" or "Failed" or "Deleted"))
            {
                return states;
            }

            Assert.True(
                deadline.Elapsed < TimeSpan.FromMinutes(4),
                $"Not all jobs finished: {string.Join(", ", states.Select(p => $"{p.Key}={p.Value}"))}\n{serve.Output}");
            await Task.Delay(250, ct);
        }
    }

    private CliProcess StartServe(string name, string[] shared) => CliProcess.Start(
        _temp.Path,
        ["serve", "--urls", $"http://127.0.0.1:{LoopbackPort.Free()}", "--workers", "1",
            "--invisibility-timeout", $"{InvisibilitySeconds}s", .. shared],
        new Dictionary<string, string> { ["BASCULE_OUT"] = _temp.Combine("out-" + name) });

    [GeneratedRegex(@"^job (\S+): ", RegexOptions.Multiline)]
    private static partial Regex JobLine();
}

public sealed class PostgresScaleOutTests(PostgresServer server, ITestOutputHelper output) : ScaleOutTests(output)
{
    protected override async Task<(string Provider, string Staging, string JobsKind, string Jobs)> DatabasesAsync() =>
        ("postgres", await server.CreateDatabaseAsync(), JobStorages.Postgres, await server.CreateDatabaseAsync());

    protected override IStagingProvider OpenStaging(string connection) => new PostgresStagingProvider(connection);
}

public sealed class SqlServerScaleOutTests(SqlServerInstance server, ITestOutputHelper output) :
    ScaleOutTests(output),
    IClassFixture<SqlServerInstance>
{
    protected override async Task<(string Provider, string Staging, string JobsKind, string Jobs)> DatabasesAsync() =>
        ("sqlserver", await server.CreateDatabaseAsync(), JobStorages.SqlServer, await server.CreateDatabaseAsync());

    protected override IStagingProvider OpenStaging(string connection) => new SqlServerStagingProvider(connection);
}
