using Bascule.Jobs.Hosting;
using Hangfire;
using Hangfire.Common;
using Hangfire.Storage;
using Hangfire.Storage.Monitoring;

namespace Bascule.Jobs.Workspace.Fleet;

/// <summary>The state a migration job was last seen in on the job storage.</summary>
public enum JobState
{
    Enqueued,
    Scheduled,
    Processing,
    Succeeded,
    Failed,
}

/// <summary>
/// One migration job as the job storage knows it: its id, the entity key and fiscal year it was given, its state since
/// <paramref name="Utc"/>, and for a failed job the message it failed with.
/// </summary>
public sealed record MigrationJobState(string Id, string EntityKey, int Year, JobState State, DateTime? Utc, string? Message);

/// <summary>
/// The migration jobs the job storage still holds, read through Hangfire's monitoring API: the fleet page shows each
/// entity and year's last one, also when it failed before it created a run (an export folder that is missing), which the
/// staging database never hears of. Each state's list is read to its end, <see cref="Page"/> jobs at a time: an entity
/// and year whose last job is older than thousands of others' still shows it. Hangfire expires succeeded jobs (a day by
/// default) but keeps failed ones, so the failed list is the one that grows; its jobs are read in as many pages as it has.
/// </summary>
public static class MigrationJobs
{
    public const int Page = 500;

    public static IReadOnlyList<MigrationJobState> Read(JobStorage storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var api = storage.GetMonitoringApi();
        var jobs = new List<MigrationJobState>();
        jobs.AddRange(All(
            (from, count) => api.FailedJobs(from, count),
            j => Of(j.Key, j.Value.Job, JobState.Failed, j.Value.FailedAt, j.Value.ExceptionMessage)));
        jobs.AddRange(
            All(
                (from, count) => api.ProcessingJobs(from, count),
                j => Of(j.Key, j.Value.Job, JobState.Processing, j.Value.StartedAt, null)));
        // A job waiting for its next attempt is scheduled; a job's failed attempts before it are in its history.
        jobs.AddRange(
            All(
                (from, count) => api.ScheduledJobs(from, count),
                j => Of(j.Key, j.Value.Job, JobState.Scheduled, j.Value.ScheduledAt, null)));
        jobs.AddRange(
            All(
                (from, count) => api.SucceededJobs(from, count),
                j => Of(j.Key, j.Value.Job, JobState.Succeeded, j.Value.SucceededAt, null)));
        foreach (var queue in api.Queues())
        {
            jobs.AddRange(All(
                (from, count) => api.EnqueuedJobs(queue.Name, from, count),
                j => Of(j.Key, j.Value.Job, JobState.Enqueued, j.Value.EnqueuedAt, null)));
        }

        return jobs;
    }

    // A state's list, page after page until a page comes back short. A job that changes state meanwhile may be read in
    // two lists or twice in one: the fleet keeps each entity and year's latest, so a duplicate changes nothing.
    private static IEnumerable<MigrationJobState> All<T>(
        Func<int, int, JobList<T>> page,
        Func<KeyValuePair<string, T>, MigrationJobState?> of)
    {
        for (var from = 0; ; from += Page)
        {
            var jobs = page(from, Page);
            foreach (var job in jobs)
            {
                if (of(job) is { } migration)
                {
                    yield return migration;
                }
            }

            if (jobs.Count < Page)
            {
                yield break;
            }
        }
    }

    // The job's arguments are MigrationJob.RunAsync's: entity key, year, folders. Any other job is not a migration.
    private static MigrationJobState? Of(string id, Job? job, JobState state, DateTime? utc, string? message) =>
        job is { Type: var type, Args: [string entity, int year, ..] } && type == typeof(MigrationJob)
            ? new MigrationJobState(id, entity, year, state, utc is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null, message)
            : null;
}
