using Bascule.Jobs.Hosting;
using Bascule.Jobs.Tests.Cli;
using Bascule.Load.Runs;
using Bascule.TestSupport;
using Hangfire;
using Hangfire.States;

namespace Bascule.Jobs.Tests.Hosting;

/// <summary><c>bascule cancel</c> through the command line against the shared PostgreSQL job storage.</summary>
public sealed class CancelCommandTests(PostgresServer server) : IDisposable
{
    private const string WhereToFindJobs
        = "Job ids are the numbers bascule enqueue prints; bascule runs shows the job that started each run (column Job), " +
        "and the dashboard of bascule serve lists the queued and running jobs (/hangfire/jobs/enqueued, /hangfire/jobs/processing).";

    private readonly TempDirectory _temp = new();

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("12a")]
    public async Task A_job_id_that_is_not_a_number_is_refused_with_where_to_find_job_ids(string job)
    {
        var jobs = await CreateDatabaseAsync();

        var (exit, output) = await Bascule(jobs, "cancel", job);

        Assert.Equal(1, exit);
        Assert.Contains($"'{job}' is not a job id. {WhereToFindJobs}", output, StringComparison.Ordinal);
        Assert.DoesNotContain("inner exception", output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_job_that_does_not_exist_is_named_and_nothing_is_cancelled()
    {
        var fleet = FleetSample.Write(_temp, entities: 1, lines: 100);
        var jobs = await CreateDatabaseAsync();
        var storage = JobStorages.Create(JobStorages.Postgres, jobs);
        var job = FleetEnqueuer.Enqueue(new BackgroundJobClient(storage), fleet.Entities[0], FleetSample.Year);
        var missing = (long.Parse(job, System.Globalization.CultureInfo.InvariantCulture) + 1000).ToString(
            System.Globalization.CultureInfo.InvariantCulture);

        var (exit, output) = await Bascule(jobs, "cancel", missing);

        Assert.Equal(1, exit);
        Assert.Contains($"No job {missing} in the job storage: nothing cancelled. {WhereToFindJobs}", output, StringComparison.Ordinal);
        Assert.DoesNotContain("inner exception", output, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Enqueued", State(storage, job));
    }

    [Fact]
    public async Task A_queued_job_is_cancelled_and_cancelling_it_again_says_it_already_was()
    {
        var fleet = FleetSample.Write(_temp, entities: 1, lines: 100);
        var jobs = await CreateDatabaseAsync();
        var storage = JobStorages.Create(JobStorages.Postgres, jobs);
        var job = FleetEnqueuer.Enqueue(new BackgroundJobClient(storage), fleet.Entities[0], FleetSample.Year);

        var (exit, output) = await Bascule(jobs, "cancel", job);
        Assert.True(exit == 0, output);
        Assert.Contains($"Job {job} cancelled (it was Enqueued): it will not run.", output, StringComparison.Ordinal);
        Assert.Equal("Deleted", State(storage, job));

        (exit, output) = await Bascule(jobs, "cancel", job);
        Assert.True(exit == 0, output);
        Assert.Contains($"Job {job} was already cancelled (deleted): nothing to do.", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Succeeded")]
    [InlineData("Failed")]
    public async Task A_finished_job_is_left_as_it_is(string finished)
    {
        var fleet = FleetSample.Write(_temp, entities: 1, lines: 100);
        var jobs = await CreateDatabaseAsync();
        var storage = JobStorages.Create(JobStorages.Postgres, jobs);
        var client = new BackgroundJobClient(storage);
        var job = FleetEnqueuer.Enqueue(client, fleet.Entities[0], FleetSample.Year);
        // A data fault fails a migration job at once, without retries.
        IState state = finished == "Succeeded"
            ? new SucceededState(null, 0, 0)
            : new FailedState(new DataFaultException("The export folder does not exist."));
        Assert.True(client.ChangeState(job, state, EnqueuedState.StateName));

        var (exit, output) = await Bascule(jobs, "cancel", job);

        Assert.Equal(1, exit);
        Assert.Contains(
            $"Job {job} has already finished ({finished}): nothing to cancel, it is left as it is.",
            output,
            StringComparison.Ordinal);
        Assert.Equal(finished, State(storage, job));
    }

    [Fact]
    public async Task A_job_waiting_for_its_retry_is_cancelled()
    {
        var fleet = FleetSample.Write(_temp, entities: 1, lines: 100);
        var jobs = await CreateDatabaseAsync();
        var storage = JobStorages.Create(JobStorages.Postgres, jobs);
        var client = new BackgroundJobClient(storage);
        var job = FleetEnqueuer.Enqueue(client, fleet.Entities[0], FleetSample.Year);
        // A transient fault: the job's retry policy schedules it again instead of failing it.
        client.ChangeState(job, new FailedState(new TimeoutException("The staging database did not answer.")), EnqueuedState.StateName);
        Assert.Equal("Scheduled", State(storage, job));

        var (exit, output) = await Bascule(jobs, "cancel", job);

        Assert.True(exit == 0, output);
        Assert.Contains($"Job {job} cancelled (it was Scheduled): it will not run.", output, StringComparison.Ordinal);
        Assert.Equal("Deleted", State(storage, job));
    }

    [Fact]
    public async Task A_running_migration_is_cancelled_stops_between_batches_and_publishes_nothing()
    {
        var fleet = FleetSample.Write(_temp, entities: 1, lines: 20_000);
        var jobs = await CreateDatabaseAsync();
        var staging = new StagingTarget("sqlite", "", _temp.Combine("out"));
        // The run waits at its second batch until the job is cancelled, however fast the machine.
        var options = new MigrationJobOptions(staging, TimeSpan.FromMinutes(1)) {
            BatchSize = 20,
            BeforeBatchWrite = UntilCancelledFromBatch2 };
        using var servers = new JobServers(() => JobStorages.Create(JobStorages.Postgres, jobs), options, servers: 1);
        var job = FleetEnqueuer.Enqueue(servers.Client, fleet.Entities[0], FleetSample.Year);
        await WaitForRunsAsync(staging, runs => runs.Any(r => r.Status == RunStatus.Loading));

        var (exit, output) = await Bascule(jobs, "cancel", job);

        Assert.True(exit == 0, output);
        Assert.Contains(
            $"Job {job} cancelled (it was Processing): it stops between batches, marks its run failed and publishes nothing.",
            output,
            StringComparison.Ordinal);
        var run = Assert.Single(await WaitForRunsAsync(staging, runs => runs.All(r => r.Status != RunStatus.Loading)));
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal("Deleted", servers.State(job)?.Name);
    }

    public void Dispose() => _temp.Dispose();

    private async Task<string> CreateDatabaseAsync()
    {
        server.SkipIfUnavailable();
        return await server.CreateDatabaseAsync();
    }

    private static string? State(JobStorage storage, string job)
    {
        using var connection = storage.GetConnection();
        return connection.GetStateData(job)?.Name;
    }

    private static async ValueTask UntilCancelledFromBatch2(Load.BatchAttempt attempt, CancellationToken cancellationToken)
    {
        if (attempt.Batch >= 2)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }

    private static async Task<IReadOnlyList<RunInfo>> WaitForRunsAsync(StagingTarget staging, Func<IReadOnlyList<RunInfo>, bool> condition)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            await using (var provider = staging.Open())
            {
                await provider.EnsureSchemaAsync(TestContext.Current.CancellationToken);
                var runs = await RunList.ReadAsync(provider, TestContext.Current.CancellationToken);
                if (runs.Count > 0 && condition(runs))
                {
                    return runs;
                }
            }

            Assert.False(deadline.IsCancellationRequested, "The runs did not reach the expected state within 60 s.");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    private static Task<(int Exit, string Output)> Bascule(string jobs, params string[] args) =>
        CliRun.RunAsync([.. args, "--jobs-storage", "postgres", "--jobs-connection", jobs]);
}
