using Bascule.Jobs.Hosting;
using Hangfire;
using Hangfire.Common;
using Hangfire.Storage;

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
/// staging database never hears of. The newest <see cref="PerState"/> of each state are read.
/// </summary>
public static class MigrationJobs
{
    public const int PerState = 500;

    public static IReadOnlyList<MigrationJobState> Read(JobStorage storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var api = storage.GetMonitoringApi();
        var jobs = new List<MigrationJobState>();
        jobs.AddRange(api.FailedJobs(0, PerState).Select(j => Of(j.Key, j.Value.Job, JobState.Failed, j.Value.FailedAt, j.Value.ExceptionMessage)).OfType<MigrationJobState>());
        jobs.AddRange(api.ProcessingJobs(0, PerState).Select(j => Of(j.Key, j.Value.Job, JobState.Processing, j.Value.StartedAt, null)).OfType<MigrationJobState>());
        // A job waiting for its next attempt is scheduled; a job's failed attempts before it are in its history.
        jobs.AddRange(api.ScheduledJobs(0, PerState).Select(j => Of(j.Key, j.Value.Job, JobState.Scheduled, j.Value.ScheduledAt, null)).OfType<MigrationJobState>());
        jobs.AddRange(api.SucceededJobs(0, PerState).Select(j => Of(j.Key, j.Value.Job, JobState.Succeeded, j.Value.SucceededAt, null)).OfType<MigrationJobState>());
        foreach (var queue in api.Queues())
        {
            jobs.AddRange(api.EnqueuedJobs(queue.Name, 0, PerState).Select(j => Of(j.Key, j.Value.Job, JobState.Enqueued, j.Value.EnqueuedAt, null)).OfType<MigrationJobState>());
        }

        return jobs;
    }

    // The job's arguments are MigrationJob.RunAsync's: entity key, year, folders. Any other job is not a migration.
    private static MigrationJobState? Of(string id, Job? job, JobState state, DateTime? utc, string? message) =>
        job is { Type: var type, Args: [string entity, int year, ..] } && type == typeof(MigrationJob)
            ? new MigrationJobState(id, entity, year, state, utc is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null, message)
            : null;
}
