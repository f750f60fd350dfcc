using Bascule.Jobs.Hosting;
using Bascule.Jobs.Workspace.Fleet;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.Common;
using Hangfire.States;

namespace Bascule.Jobs.Tests.Workspace.Fleet;

/// <summary>
/// The jobs the fleet page reads from the job storage: every one of each state, not only the newest page of them, so
/// an entity and year whose only job failed long ago, before more than a page of other jobs, still shows that job.
/// </summary>
public sealed class MigrationJobsTests
{
    [Fact]
    public void An_old_failed_job_is_read_behind_more_than_a_page_of_newer_ones()
    {
        using var storage = new InMemoryStorage();
        // Without the global filters: Hangfire's automatic retry would turn each failure into a scheduled retry.
        var client = new BackgroundJobClient(storage, new JobFilterCollection());
        var old = Failed(client, "COMMUNE-21009", 2023, "The export folder /exports/21009/2023 does not exist.");
        // More newer failures of another entity than one page holds, and a page's worth of jobs of another state.
        var newer = Enumerable.Range(0, MigrationJobs.Page + 37)
            .Select(_ => Failed(client, "COMMUNE-21005", 2022, "The mapping folder is missing."))
            .ToList();
        var scheduled = Enumerable.Range(0, MigrationJobs.Page)
            .Select(_ => client.Create(Migration("CPAS-21005", 2022), new ScheduledState(TimeSpan.FromDays(1))))
            .ToList();

        var jobs = MigrationJobs.Read(storage);

        var oldJob = Assert.Single(jobs, j => j.EntityKey == "COMMUNE-21009");
        Assert.Equal((old, JobState.Failed, 2023), (oldJob.Id, oldJob.State, oldJob.Year));
        Assert.Contains("21009/2023", oldJob.Message, StringComparison.Ordinal);
        Assert.Equal(
            newer.Order(StringComparer.Ordinal),
            jobs.Where(j => j.EntityKey == "COMMUNE-21005").Select(j => j.Id).Order(StringComparer.Ordinal));
        Assert.Equal(
            scheduled.Order(StringComparer.Ordinal),
            jobs.Where(j => j.State == JobState.Scheduled).Select(j => j.Id).Order(StringComparer.Ordinal));
        // On the fleet page, that entity and year is a row whose last job is the old failure.
        var row = Assert.Single(FleetRows.Build([], jobs, [], []), r => r.LastJob?.Id == old);
        Assert.Equal(2023, row.Year);
    }

    private static string Failed(BackgroundJobClient client, string entity, int year, string message) =>
        client.Create(Migration(entity, year), new FailedState(new DirectoryNotFoundException(message)));

    private static Job Migration(string entity, int year) =>
        Job.FromExpression<MigrationJob>(job => job.RunAsync(entity, year, "/exports", "/mappings", null, CancellationToken.None));
}
