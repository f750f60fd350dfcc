using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Hangfire.Common;
using Hangfire.Server;
using Hangfire.States;
using Hangfire.Storage;

namespace Bascule.Jobs.Hosting.JobLog;

/// <summary>
/// One log line per step of a migration job's life on this server: started, then succeeded, failed, retry (failed, to be
/// run again later) or cancelled, each with entity, year, job id, run id (once the pipeline made one), attempt, duration
/// and outcome. The server filter sees the job start and end; the state filter, called right after on the same worker,
/// sees what Hangfire decided (a retry or a final failure, after <see cref="Hangfire.AutomaticRetryAttribute"/>). A job
/// cancelled (deleted) while it runs gets no new state: its line is written when it stops.
/// </summary>
public sealed class JobLifecycleLog(LogWriter log) : IServerFilter, IApplyStateFilter
{
    /// <summary>The item of a job's perform context where <see cref="MigrationJob"/> puts the id of the run it made.</summary>
    public const string RunItem = "bascule:run";

    private const string StartedItem = "bascule:started";
    private const string Source = "Bascule.Jobs";

    private readonly ConcurrentDictionary<string, Performed> _performed = new(StringComparer.Ordinal);

    public void OnPerforming(PerformingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[StartedItem] = Stopwatch.GetTimestamp();
        var job = Describe(
            context.BackgroundJob.Id,
            context.BackgroundJob.Job,
            context.GetJobParameter<int>("RetryCount", allowStale: true) + 1);
        log.Write(job.Entry(log, "INFO", "started", $"Job {job.Id} started: {job.Name}, attempt {job.Attempt}.", null, null));
    }

    public void OnPerformed(PerformedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var job = Describe(
            context.BackgroundJob.Id,
            context.BackgroundJob.Job,
            context.GetJobParameter<int>("RetryCount", allowStale: true) + 1);
        var seconds = context.Items.TryGetValue(StartedItem, out var started) && started is long timestamp
            ? Stopwatch.GetElapsedTime(timestamp).TotalSeconds
            : (double?)null;
        var run = context.Items.TryGetValue(RunItem, out var item) ? item as string : null;
        switch (context.Exception)
        {
            case JobAbortedException:
                log.Write(job.Entry(
                    log,
                    "WARN",
                    "cancelled",
                    $"Job {job.Id} cancelled: {job.Name}; nothing of it was published.",
                    run,
                    seconds) with
                {
                    Reason = "The job was deleted (cancelled) while it ran.",
                });
                break;
            case OperationCanceledException:
                log.Write(job.Entry(
                    log,
                    "WARN",
                    "cancelled",
                    $"Job {job.Id} stopped: {job.Name}; serve is stopping, the job goes back to the queue.",
                    run,
                    seconds) with
                {
                    Reason = "serve is stopping.",
                });
                break;
            default:
                // The state Hangfire gives the job next (succeeded, failed, or a retry) says how to write its line.
                _performed[job.Id] = new Performed(
                    job,
                    run,
                    seconds,
                    (context.Exception is JobPerformanceException { InnerException: { } inner } ? inner : context.Exception)?.Message);
                break;
        }
    }

    public void OnStateApplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!_performed.TryRemove(context.BackgroundJob.Id, out var performed))
        {
            return;
        }

        var (job, run, seconds, reason) = performed;
        var took = seconds is { } s ? string.Create(CultureInfo.InvariantCulture, $" in {s:0.0} s") : "";
        var state = context.NewState.Name;
        var entry = state == SucceededState.StateName
            ? job.Entry(log, "INFO", "succeeded", $"Job {job.Id} succeeded: {job.Name}, run {run}{took}.", run, seconds)
            : state == FailedState.StateName ? job.Entry(
                log,
                "ERROR",
                "failed",
                $"Job {job.Id} failed: {job.Name}{took}: {reason}",
                run,
                seconds) with { Reason = reason }
            : state == DeletedState.StateName ? job.Entry(
                log,
                "WARN",
                "cancelled",
                $"Job {job.Id} cancelled: {job.Name}{took}.",
                run,
                seconds) with { Reason = context.NewState.Reason }
            : job.Entry(
                log,
                "WARN",
                "retry",
                $"Job {job.Id} failed, to be retried ({context.NewState.Reason?.Split(':')[0]}): {job.Name}{took}: {reason}",
                run,
                seconds) with { Reason = reason };
        log.Write(entry);
    }

    public void OnStateUnapplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
    }

    private static JobDescription Describe(string id, Job? job, int attempt) =>
        job is { Type: var type, Args: [string entity, int year, ..] } && type == typeof(MigrationJob)
            ? new JobDescription(id, entity, year, attempt)
            : new JobDescription(id, null, null, attempt);

    private sealed record JobDescription(string Id, string? Entity, int? Year, int Attempt)
    {
        public string Name => Entity is null ? "(not a migration)" : string.Create(CultureInfo.InvariantCulture, $"{Entity} {Year}");

        public LogEntry Entry(
            LogWriter log,
            string level,
            string outcome,
            string message,
            string? run,
            double? seconds) => log.Entry(level, Source, message) with
        {
            Event = "job." + outcome,
            Entity = Entity,
            Year = Year,
            Job = Id,
            Run = run,
            Attempt = Attempt,
            DurationSeconds = seconds is { } s ? Math.Round(s, 3) : null,
            Outcome = outcome,
        };
    }

    private sealed record Performed(JobDescription Job, string? Run, double? Seconds, string? Reason);
}
