using Bascule.Jobs.Cli;
using Bascule.Jobs.Hosting;
using Bascule.TestSupport;
using Hangfire;

namespace Bascule.Jobs.Tests.Hosting;

/// <summary><c>bascule enqueue</c>, <c>schedule</c> and <c>cancel</c> against the shared PostgreSQL job storage.</summary>
public sealed class FleetCommandTests(PostgresServer server) : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Enqueue_all_puts_one_job_per_entity_in_the_shared_storage()
    {
        var fleet = FleetSample.Write(_temp, entities: 3, lines: 100);
        var jobs = await server.CreateDatabaseAsync();

        var exit = await Bascule(
            "enqueue",
            "--all",
            "--year",
            "2023",
            "--fleet",
            fleet.Path,
            "--jobs-storage",
            "postgres",
            "--jobs-connection",
            jobs);

        Assert.Equal(0, exit);
        var queued = JobStorages.Create(JobStorages.Postgres, jobs).GetMonitoringApi().EnqueuedJobs("default", 0, 10);
        Assert.Equal(fleet.Entities.Select(e => e.Key).Order(), queued.Select(j => (string)j.Value.Job.Args[0]).Order());
    }

    [Fact]
    public async Task Enqueue_years_puts_one_job_per_year_oldest_first()
    {
        var fleet = FleetSample.Write(_temp, entities: 1, lines: 100);
        // enqueue refuses a year whose export folder is missing: each earlier year gets a copy of the 2023 export.
        for (var year = 2019; year < 2023; year++)
        {
            var folder = Directory.CreateDirectory(fleet.Entities[0].ExportFolder(new Extract.Values.FiscalYear(year))).FullName;
            foreach (var file in Directory.GetFiles(fleet.Entities[0].ExportFolder(FleetSample.Year)))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }
        }

        var jobs = await server.CreateDatabaseAsync();

        var exit = await Bascule(
            "enqueue",
            "--entity",
            fleet.Entities[0].Key,
            "--years",
            "2019-2023",
            "--fleet",
            fleet.Path,
            "--jobs-storage",
            "postgres",
            "--jobs-connection",
            jobs);

        Assert.Equal(0, exit);
        var queued = JobStorages.Create(JobStorages.Postgres, jobs).GetMonitoringApi().EnqueuedJobs("default", 0, 10);
        Assert.Equal([2019, 2020, 2021, 2022, 2023], queued.Select(j => (int)j.Value.Job.Args[1]).Order());
        Assert.All(queued, j => Assert.Equal(fleet.Entities[0].Key, (string)j.Value.Job.Args[0]));
    }

    [Fact]
    public async Task Cancel_deletes_the_job()
    {
        var fleet = FleetSample.Write(_temp, entities: 1, lines: 100);
        var jobs = await server.CreateDatabaseAsync();
        var storage = JobStorages.Create(JobStorages.Postgres, jobs);
        var job = FleetEnqueuer.Enqueue(new BackgroundJobClient(storage), fleet.Entities[0], FleetSample.Year);

        var exit = await Bascule("cancel", job, "--jobs-storage", "postgres", "--jobs-connection", jobs);

        Assert.Equal(0, exit);
        using var connection = storage.GetConnection();
        Assert.Equal("Deleted", connection.GetStateData(job)?.Name);
    }

    [Fact]
    public async Task Schedule_adds_one_recurring_rehearsal_per_entity()
    {
        var fleet = FleetSample.Write(_temp, entities: 2, lines: 100);
        var jobs = await server.CreateDatabaseAsync();

        var exit = await Bascule(
            "schedule",
            "--all",
            "--year",
            "2023",
            "--cron",
            "0 2 * * 6",
            "--fleet",
            fleet.Path,
            "--jobs-storage",
            "postgres",
            "--jobs-connection",
            jobs);

        Assert.Equal(0, exit);
        using var connection = JobStorages.Create(JobStorages.Postgres, jobs).GetConnection();
        Assert.Equal(
            fleet.Entities.Select(e => $"rehearsal:{e.Key}:2023").Order(),
            Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection).Select(r => r.Id).Order());
    }

    [Fact]
    public async Task Enqueue_refuses_the_in_memory_storage_of_another_process()
    {
        var fleet = FleetSample.Write(_temp, entities: 1, lines: 100);

        var exit = await Bascule(
            "enqueue",
            "--entity",
            fleet.Entities[0].Key,
            "--year",
            "2023",
            "--fleet",
            fleet.Path,
            "--jobs-storage",
            "inmemory");

        Assert.Equal(1, exit);
    }

    [Fact]
    public async Task Enqueue_refuses_the_whole_command_when_one_entitys_export_folder_is_missing_and_queues_nothing()
    {
        var fleet = FleetSample.Write(_temp, entities: 3, lines: 100);
        var missing = fleet.Entities[1].ExportFolder(FleetSample.Year);
        Directory.Delete(missing, recursive: true);
        var jobs = await server.CreateDatabaseAsync();

        using var enqueue = CliProcess.Start(
            _temp.Path,
            ["enqueue", "--all", "--year", "2023", "--fleet", fleet.Path, "--jobs-storage", "postgres", "--jobs-connection", jobs]);
        var exit = await enqueue.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.CouldNotComplete, exit);
        Assert.Equal(
            $"{fleet.Entities[1].Key} 2023: the export folder {missing} does not exist. Nothing was enqueued. Fix the folders or the "
                + $"fleet file (`bascule fleet` lists what each entity resolves to), then enqueue again.",
            CliProcess.Flat(enqueue.Output).Trim());
        Assert.Equal(0, JobStorages.Create(JobStorages.Postgres, jobs).GetMonitoringApi().EnqueuedCount("default"));
    }

    public void Dispose() => _temp.Dispose();

    private static Task<int> Bascule(params string[] args) => BasculeApp.Create().RunAsync(args, TestContext.Current.CancellationToken);
}
