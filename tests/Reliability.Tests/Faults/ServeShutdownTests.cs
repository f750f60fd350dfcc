using Bascule.Jobs.Hosting;
using Bascule.Load.Providers.Postgres;
using Bascule.Load.Runs;
using Bascule.TestSupport;
using Dapper;

namespace Bascule.Reliability.Tests.Faults;

/// <summary>
/// The real <c>bascule serve</c> (ASP.NET Core host, Hangfire server) stops gracefully on SIGTERM, as a service manager
/// stops it, and on Ctrl-C (SIGINT): the Hangfire server reports itself stopped, the host shuts down, and the process
/// exits 0 in both cases (a requested stop of a service is no failure).
/// </summary>
[DapperAot(false)]
public sealed class ServeShutdownTests(PostgresServer server, ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task Serve_stops_gracefully_on_the_signal_and_exits_0(string signal)
    {
        var ct = TestContext.Current.CancellationToken;
        using var serve = CliProcess.StartInterruptible(
            _temp.Path,
            ["serve", "--urls", $"http://127.0.0.1:{LoopbackPort.Free()}", "--connection", _temp.Combine("staging.db")],
            new Dictionary<string, string> { ["BASCULE_OUT"] = _temp.Combine("out") });
        Assert.True(await serve.WaitForTextAsync("Application started", ct), serve.Output);

        await serve.SignalAsync(signal, ct);
        var code = await serve.WaitForExitAsync(ct);

        Assert.True(code == 0, $"serve exited with {code} after SIG{signal}, expected 0:\n{serve.Output}");
        Assert.Contains("Application is shutting down...", serve.Output, StringComparison.Ordinal);
        Assert.Contains("successfully reported itself as stopped", serve.Output, StringComparison.Ordinal);
        output.WriteLine($"serve, SIG{signal}: exit 0 after a graceful stop");
    }

    [Fact]
    public async Task SIGTERM_while_a_job_runs_stops_it_cleanly_puts_it_back_in_the_queue_and_exits_0()
    {
        var ct = TestContext.Current.CancellationToken;
        var staging = await server.CreateDatabaseAsync();
        var jobs = await server.CreateDatabaseAsync();
        await using var provider = new PostgresStagingProvider(staging);
        var (fleet, entities) = FleetFile.Write(_temp, 1, lines: 40_000, firstIns: 21071);
        var entity = entities[0];
        string[] shared = ["--provider", "postgres", "--connection", staging, "--jobs-storage", "postgres", "--jobs-connection", jobs];

        using var first = CliProcess.Start(
            _temp.Path,
            ["serve", "--urls", $"http://127.0.0.1:{LoopbackPort.Free()}", "--workers", "1", .. shared],
            new Dictionary<string, string> { ["BASCULE_OUT"] = _temp.Combine("out") });
        Assert.True(await first.WaitForTextAsync("Application started", ct), first.Output);
        var (code, enqueued) = await CliProcess.RunAsync(
            _temp.Path,
            ["enqueue", "--all", "--year", "2023", "--fleet", fleet, .. shared[4..]],
            ct);
        Assert.True(code == 0, enqueued);
        var job = enqueued.Split(' ')[1].TrimEnd(':');
        var running = await LoadingRunAsync(provider, first, ct);

        await first.SignalAsync("TERM", ct);
        var exit = await first.WaitForExitAsync(ct);

        Assert.True(exit == 0, $"serve exited with {exit} after SIGTERM during a job:\n{first.Output}");
        Assert.Contains("successfully reported itself as stopped", first.Output, StringComparison.Ordinal);
        var stopped = (await RunList.ReadAsync(provider, ct)).Single(r => r.Id.Value == running);
        Assert.Equal(RunStatus.Failed, stopped.Status);
        Assert.Equal(0, (await PublishedState.RowsOfRunAsync(provider, running)).Sum());
        Assert.Empty((await PublishedState.ReadAsync(provider, entity)).Published);

        // Back in the queue: the next serve runs it to the end, at once, not after an invisibility timeout.
        using var next = CliProcess.Start(
            _temp.Path,
            ["serve", "--urls", $"http://127.0.0.1:{LoopbackPort.Free()}", "--workers", "1", .. shared],
            new Dictionary<string, string> { ["BASCULE_OUT"] = _temp.Combine("out") });
        var storage = JobStorages.Create(JobStorages.Postgres, jobs);
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        string? state;
        while ((state = StateOf(storage, job)) != "Succeeded")
        {
            Assert.True(
                deadline.Elapsed < TimeSpan.FromMinutes(3) && state is not ("Failed" or "Deleted"),
                $"job {job} is {state}:\n{next.Output}");
            await Task.Delay(250, ct);
        }

        Assert.Single((await PublishedState.ReadAsync(provider, entity)).Published);
        output.WriteLine($"SIGTERM during job {job}: run {running} stopped and marked {stopped.Status.ToCode()} "
            + $"({stopped.FailureMessage}), serve exited 0; the next serve ran the job to the end");
    }

    public void Dispose() => _temp.Dispose();

    private static string? StateOf(Hangfire.JobStorage storage, string job)
    {
        using var connection = storage.GetConnection();
        return connection.GetStateData(job)?.Name;
    }

    private static async Task<string> LoadingRunAsync(PostgresStagingProvider provider, CliProcess serve, CancellationToken ct)
    {
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            await using (var connection = await provider.OpenAsync(ct))
            {
                if (await connection.QueryFirstOrDefaultAsync<string?>(
                    "SELECT run_id FROM runs WHERE status = 'loading' AND lease_pid = @pid",
                    new { pid = serve.Id }) is { } run)
                {
                    return run;
                }
            }

            await Task.Delay(50, ct);
        }

        throw new TimeoutException($"serve started no run within 2 minutes:\n{serve.Output}");
    }
}
