using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bascule.Jobs.Cli;
using Bascule.Extract.Values;
using Bascule.Jobs.Hosting;
using Bascule.Load;
using Bascule.Load.Providers;
using Bascule.Load.Runs;
using Bascule.Transform.Mapping;
using Bascule.Jobs.Tests.Hosting.JobLog;
using Bascule.TestSupport;
using Bascule.TestSupport.Staging;
using Hangfire;
using Hangfire.InMemory;
using Spectre.Console;

namespace Bascule.Jobs.Tests.Hosting;

/// <summary>
/// The migration job's behaviour on real servers, exports and staging, run once per provider, each with the job storage
/// that goes with it: the embedded default (Hangfire.InMemory, one object both servers share, each still opening its
/// own connections) beside SQLite, and the shared storage of a scale-out (Hangfire.PostgreSql, Hangfire.SqlServer, each
/// server with its own storage object) in a database of its own on the same server as PostgreSQL or SQL Server staging.
/// </summary>
public abstract partial class MigrationJobTests<TDatabase>(TDatabase database) : StagingSuite<TDatabase>(database)
    where TDatabase : StagingDatabase
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>A factory of storage objects over one job storage (each call a new object, where the storage allows), and the staging
    /// target.</summary>
    private async Task<(Func<JobStorage> Storage, StagingTarget Staging)> CreateAsync()
    {
        var staging = new StagingTarget(Provider, await CreateConnectionAsync(), Temp.Combine("out"));
        if (Database.Kind == StagingProviderKind.Sqlite)
        {
            var storage = new InMemoryStorage();
            return (() => storage, staging);
        }

        var jobs = await CreateConnectionAsync();
        return (() => JobStorages.Create(Provider, jobs), staging);
    }

    [Fact]
    public async Task A_fleet_of_six_entity_years_across_two_servers_publishes_exactly_one_run_each()
    {
        var fleet = FleetSample.Write(Temp, entities: 6);
        var (storage, staging) = await CreateAsync();
        using var servers = new JobServers(storage, Options(staging));

        var jobs = FleetEnqueuer.EnqueueAll(servers.Client, fleet, FleetSample.Year);
        var states = await servers.WaitAsync(jobs, Timeout);

        Assert.All(states.Values, s => Assert.Equal("Succeeded", s.Name));
        var runs = await Runs(staging);
        Assert.Equal(6, runs.Count);
        Assert.All(runs, r => Assert.Equal(RunStatus.Published, r.Status));
        Assert.Equal(6, runs.Select(r => (r.InsCode, r.EntityType, r.FiscalYear)).Distinct().Count());
    }

    [Fact]
    public async Task Two_jobs_of_the_same_entity_year_never_run_at_once()
    {
        var fleet = FleetSample.Write(Temp, entities: 1, lines: 3000);
        var (storage, staging) = await CreateAsync();
        using var servers = new JobServers(storage, Options(staging) with { BatchSize = 200 });

        var jobs = new[] {
            FleetEnqueuer.Enqueue(servers.Client, fleet.Entities[0], FleetSample.Year),
            FleetEnqueuer.Enqueue(servers.Client, fleet.Entities[0], FleetSample.Year) };
        var states = await servers.WaitAsync(jobs, Timeout);

        Assert.All(states.Values, s => Assert.Equal("Succeeded", s.Name));
        var runs = await Runs(staging);
        Assert.Equal([RunStatus.Published, RunStatus.Superseded], runs.Select(r => r.Status));
        Assert.True(
            runs[1].FinishedUtc <= runs[0].StartedUtc,
            $"The second run started at {runs[0].StartedUtc:O}, before the first finished at {runs[1].FinishedUtc:O}.");
    }

    [Fact]
    public async Task A_cancelled_job_leaves_nothing_published()
    {
        var fleet = FleetSample.Write(Temp, entities: 1, lines: 20_000);
        var (storage, staging) = await CreateAsync();
        // The run stays loading until it is cancelled, however fast the machine.
        using var log = new CapturedLog();
        using var servers = new JobServers(
            storage,
            Options(staging) with { BatchSize = 20, BeforeBatchWrite = UntilCancelledFromBatch2 },
            servers: 1,
            lifecycle: log.Lifecycle);

        var job = FleetEnqueuer.Enqueue(servers.Client, fleet.Entities[0], FleetSample.Year);
        await WaitForAsync(staging, runs => runs.Any(r => r.Status == RunStatus.Loading));
        Assert.True(servers.Client.Delete(job));
        var runs = await WaitForAsync(staging, runs => runs.All(r => r.Status != RunStatus.Loading));

        Assert.Equal("Deleted", servers.State(job)?.Name);
        var run = Assert.Single(runs);
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Contains("Cancelled", run.FailureMessage, StringComparison.Ordinal);
        // The server's log: the start, then the cancellation, of that entity and year.
        var cancelled = await log.WaitForAsync(job, "cancelled");
        Assert.Equal(["started", "cancelled"], log.Events(job).Select(e => e.GetProperty("outcome").GetString()));
        Assert.Equal(
            (fleet.Entities[0].Key, FleetSample.Year.Value),
            (cancelled.GetProperty("entity").GetString(), cancelled.GetProperty("year").GetInt32()));
        Assert.True(cancelled.GetProperty("durationSeconds").GetDouble() > 0);
    }

    [Fact]
    public async Task A_job_stopped_mid_run_by_its_server_shutting_down_is_run_again_and_published_once()
    {
        var fleet = FleetSample.Write(Temp, entities: 1, lines: 20_000);
        var (storage, staging) = await CreateAsync();
        var options = Options(staging) with { BatchSize = 20 };
        string job;
        // The first server's run stays loading until the server stops, however fast the machine.
        using (var first = new JobServers(storage, options with { BeforeBatchWrite = UntilCancelledFromBatch2 }, servers: 1))
        {
            job = FleetEnqueuer.Enqueue(first.Client, fleet.Entities[0], FleetSample.Year);
            await WaitForAsync(staging, runs => runs.Any(r => r.Status == RunStatus.Loading));
        }

        using var second = new JobServers(storage, options with { BatchSize = 5000 }, servers: 1);
        var state = (await second.WaitAsync([job], Timeout))[job];

        Assert.Equal("Succeeded", state.Name);
        var runs = await Runs(staging);
        Assert.Equal([RunStatus.Published, RunStatus.Failed], runs.Select(r => r.Status));
        Assert.Equal(state.Data["Result"].Trim('"'), runs[0].Id.Value);
    }

    [Fact]
    public async Task A_job_waits_for_a_run_of_its_entity_year_loading_elsewhere_and_then_publishes()
    {
        var fleet = FleetSample.Write(Temp, entities: 1);
        var (storage, staging) = await CreateAsync();
        await using var provider = staging.Open();
        // A run of the same entity and year loading outside the job storage (a `bascule migrate`), with a live lease.
        var elsewhere = await StagingRun.BeginAsync(
            provider,
            HeaderOf(fleet.Entities[0]),
            cancellationToken: TestContext.Current.CancellationToken);
        using var servers = new JobServers(storage, Options(staging), servers: 1);

        var job = FleetEnqueuer.Enqueue(servers.Client, fleet.Entities[0], FleetSample.Year);
        await servers.WaitAsync([job], Timeout, "Processing");
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        Assert.Equal([elsewhere.Id], (await Runs(staging)).Select(r => r.Id));
        await elsewhere.FailAsync("Stopped by the test.");
        var state = (await servers.WaitAsync([job], Timeout))[job];

        Assert.Equal("Succeeded", state.Name);
        var runs = await Runs(staging);
        Assert.Equal([RunStatus.Published, RunStatus.Failed], runs.Select(r => r.Status));
        Assert.True(
            runs[0].StartedUtc >= runs[1].FinishedUtc,
            $"the job's run started at {runs[0].StartedUtc:O}, before the other finished at {runs[1].FinishedUtc:O}");
    }

    [Fact]
    public async Task A_job_that_waited_its_lock_timeout_for_a_run_loading_elsewhere_fails_naming_it_and_is_retried()
    {
        var fleet = FleetSample.Write(Temp, entities: 1);
        var (storage, staging) = await CreateAsync();
        await using var provider = staging.Open();
        var elsewhere = await StagingRun.BeginAsync(
            provider,
            HeaderOf(fleet.Entities[0]),
            cancellationToken: TestContext.Current.CancellationToken);
        using var log = new CapturedLog();
        using var servers = new JobServers(
            storage,
            Options(staging) with { LockTimeout = TimeSpan.FromSeconds(2) },
            servers: 1,
            lifecycle: log.Lifecycle);

        var job = FleetEnqueuer.Enqueue(servers.Client, fleet.Entities[0], FleetSample.Year);
        var state = (await servers.WaitAsync([job], Timeout, "Scheduled", "Failed"))[job];
        var retry = await log.WaitForAsync(job, "retry");
        Assert.Equal(
            ("WARN", "job.retry", 1),
            (retry.GetProperty("level").GetString(), retry.GetProperty("event").GetString(), retry.GetProperty("attempt").GetInt32()));
        Assert.Contains($"still loading: run {elsewhere.Id}", retry.GetProperty("reason").GetString(), StringComparison.Ordinal);

        // An infrastructure fault, not a data fault: Hangfire schedules a retry, with the run that held the entity-year as reason.
        Assert.Equal("Scheduled", state.Name);
        Assert.StartsWith("Retry attempt 1 of 3: Another run of", state.Reason, StringComparison.Ordinal);
        // The dashboard shows the whole message in the job's history, on the failed attempt.
        var failed = servers.Storage.GetMonitoringApi().JobDetails(job).History.First(h => h.StateName == "Failed");
        Assert.Contains($"still loading: run {elsewhere.Id}", failed.Data["ExceptionMessage"], StringComparison.Ordinal);
        Assert.Contains("after waiting 2 s for it", failed.Data["ExceptionMessage"], StringComparison.Ordinal);
        Assert.Equal([(elsewhere.Id, RunStatus.Loading)], (await Runs(staging)).Select(r => (r.Id, r.Status)));
        await elsewhere.FailAsync("Stopped by the test.");
    }

    [Fact]
    public async Task A_truncated_export_fails_the_job_once_with_the_reason()
    {
        var fleet = FleetSample.Write(Temp, entities: 1);
        var ledger = Path.Combine(fleet.Entities[0].ExportFolder(FleetSample.Year), "ECRITURES.csv");
        var lines = await File.ReadAllLinesAsync(ledger, TestContext.Current.CancellationToken);
        await File.WriteAllLinesAsync(ledger, lines[..^5], TestContext.Current.CancellationToken);
        var (storage, staging) = await CreateAsync();
        using var servers = new JobServers(storage, Options(staging), servers: 1);

        var job = FleetEnqueuer.Enqueue(servers.Client, fleet.Entities[0], FleetSample.Year);
        var state = (await servers.WaitAsync([job], Timeout))[job];

        Assert.Equal("Failed", state.Name);
        Assert.Equal(typeof(DataFaultException).FullName, state.Data["ExceptionType"]);
        Assert.Contains("ECRITURES.csv", state.Data["ExceptionMessage"], StringComparison.Ordinal);
        using var connection = servers.Storage.GetConnection();
        Assert.Null(connection.GetJobParameter(job, "RetryCount"));
        Assert.DoesNotContain(await Runs(staging), r => r.Status == RunStatus.Published);
    }

    [Fact]
    public async Task A_job_records_its_id_on_its_run_and_runs_shows_it()
    {
        var fleet = FleetSample.Write(Temp, entities: 1, lines: 300);
        var (storage, staging) = await CreateAsync();
        using var servers = new JobServers(storage, Options(staging), servers: 1);

        var job = FleetEnqueuer.Enqueue(servers.Client, fleet.Entities[0], FleetSample.Year);
        var state = (await servers.WaitAsync([job], Timeout))[job];

        Assert.Equal("Succeeded", state.Name);
        var run = Assert.Single(await Runs(staging));
        Assert.Equal(job, run.Job);
        using var json = await RunsJsonAsync(staging);
        var listed = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal(run.Id.Value, listed.GetProperty("runId").GetString());
        Assert.Equal(job, listed.GetProperty("job").GetString());
    }

    [Fact]
    public async Task A_failed_reconciliation_fails_the_job_once_with_the_reason_on_the_dashboard()
    {
        var fleet = FleetSample.Write(Temp, entities: 1, lines: 300);
        // The control file announces one euro more debit for the ledger than its lines hold: the counts still agree, so
        // the run loads, and the control totals check (check 2) comes out FAILED.
        var control = Path.Combine(fleet.Entities[0].ExportFolder(FleetSample.Year), "EXPORT.txt");
        var text = await File.ReadAllTextAsync(control, Encoding.Latin1, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(control, OneEuroMoreLedgerDebit().Replace(text, m => m.Groups[1].Value + string.Create(
            CultureInfo.InvariantCulture,
            $"{decimal.Parse(m.Groups[2].Value.Replace(',', '.'), CultureInfo.InvariantCulture) + 1m:0.00}").Replace('.',
            ','), 1), Encoding.Latin1, TestContext.Current.CancellationToken);
        var (storage, staging) = await CreateAsync();
        using var log = new CapturedLog();
        using var servers = new JobServers(storage, Options(staging), servers: 1, lifecycle: log.Lifecycle);

        var job = FleetEnqueuer.Enqueue(servers.Client, fleet.Entities[0], FleetSample.Year);
        var state = (await servers.WaitAsync([job], Timeout))[job];

        Assert.Equal("Failed", state.Name);
        Assert.Equal(typeof(DataFaultException).FullName, state.Data["ExceptionType"]);
        // Not retried blindly: the retry filter let it fail at once, without scheduling an attempt.
        using (var connection = servers.Storage.GetConnection())
        {
            Assert.Null(connection.GetJobParameter(job, "RetryCount"));
        }

        // What the dashboard's failed-jobs page shows.
        var failed = Assert.Single(servers.Storage.GetMonitoringApi().FailedJobs(0, 10), j => j.Key == job).Value;
        Assert.Contains("reconciliation is FAILED", failed.ExceptionMessage, StringComparison.Ordinal);
        Assert.Contains("controlTotals:ECRITURES.csv:debit", failed.ExceptionMessage, StringComparison.Ordinal);
        Assert.Contains("is held, not published", failed.ExceptionMessage, StringComparison.Ordinal);
        // As with `bascule migrate` (exit code 2), the run is held with its failed checks for the accountants to read, not published.
        var run = Assert.Single(await Runs(staging));
        Assert.Equal((RunStatus.Held, job), (run.Status, run.Job));
        Assert.Contains(run.Id.Value, failed.ExceptionMessage, StringComparison.Ordinal);
        // The reason names the report people read, where serve shows it, not the JSON beside it.
        Assert.Contains($" /runs/{run.Id}/reconciliation.html ", failed.ExceptionMessage, StringComparison.Ordinal);
        Assert.Equal(
            Path.Combine(staging.OutRoot, "runs", run.Id.Value, "reconciliation.html"),
            new Bascule.Jobs.Workspace.RunFiles(staging.OutRoot).Find(run.Id.Value, "reconciliation.html"));
        Assert.DoesNotContain("reconciliation.json", failed.ExceptionMessage, StringComparison.Ordinal);
        // The log's line of the failure carries the held run.
        var logged = await log.WaitForAsync(job, "failed");
        Assert.Equal((run.Id.Value, "ERROR"), (logged.GetProperty("run").GetString(), logged.GetProperty("level").GetString()));
    }

    private static MigrationJobOptions Options(StagingTarget staging) => new(staging, TimeSpan.FromMinutes(1));

    // The entity and year of a fleet entity's run, as another loader would record them.
    private static RunHeader HeaderOf(FleetEntity entity) =>
        new(
            entity.Name,
            entity.Type,
            entity.InsCode,
            FleetSample.Year,
            new MappingIdentity("bxl-2024", "1.0.0", new string('a', 64)),
            "elsewhere",
            "0.1.0");

    // Holds the run's second batch until the job's token is cancelled (job deleted, server stopping).
    private static async ValueTask UntilCancelledFromBatch2(Load.BatchAttempt attempt, CancellationToken cancellationToken)
    {
        if (attempt.Batch >= 2)
        {
            await Task.Delay(System.Threading.Timeout.Infinite, cancellationToken);
        }
    }

    private static async Task<IReadOnlyList<RunInfo>> Runs(StagingTarget staging)
    {
        await using var provider = staging.Open();
        await provider.EnsureSchemaAsync(TestContext.Current.CancellationToken);
        return await RunList.ReadAsync(provider, TestContext.Current.CancellationToken);
    }

    /// <summary>What <c>bascule runs --format json</c> prints for the staging target.</summary>
    private static async Task<JsonDocument> RunsJsonAsync(StagingTarget staging)
    {
        using var output = new StringWriter();
        var console = AnsiConsole.Create(
            new AnsiConsoleSettings { Ansi = AnsiSupport.No, Interactive = InteractionSupport.No, Out = new AnsiConsoleOutput(output) });
        var settings = new RunsCommand.Settings
        {
            Provider = staging.Provider,
            Connection = staging.Connection,
            Format = "json",
        };

        using var json = new StringWriter();
        Assert.Equal(
            0,
            await Commands.RunAsync<RunsCommand>(console, c => c.RunAsync(json, settings, TestContext.Current.CancellationToken)));
        return JsonDocument.Parse(json.ToString());
    }

    private static async Task<IReadOnlyList<RunInfo>> WaitForAsync(StagingTarget staging, Func<IReadOnlyList<RunInfo>, bool> condition)
    {
        using var deadline = new CancellationTokenSource(Timeout);
        while (true)
        {
            try
            {
                var runs = await Runs(staging);
                if (runs.Count > 0 && condition(runs))
                {
                    return runs;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not Xunit.Sdk.XunitException)
            {
                // The staging schema is created by the first run: until then there is nothing to read.
            }

            if (deadline.IsCancellationRequested)
            {
                Assert.Fail($"The staging database did not reach the expected runs within {Timeout.TotalSeconds} s.");
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    [GeneratedRegex(@"(FICHIER=ECRITURES\.csv;[^\r\n]*TOTAL_DEBIT=)([0-9]+,[0-9]{2})")]
    private static partial Regex OneEuroMoreLedgerDebit();
}

public sealed class SqliteMigrationJobTests(SqliteDatabase database) : MigrationJobTests<SqliteDatabase>(database);

public sealed class PostgresMigrationJobTests(PostgresDatabase database) : MigrationJobTests<PostgresDatabase>(database);

public sealed class SqlServerMigrationJobTests(SqlServerDatabase database) : MigrationJobTests<SqlServerDatabase>(database);
