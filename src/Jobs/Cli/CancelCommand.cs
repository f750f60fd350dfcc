using System.ComponentModel;
using System.Data.Common;
using System.Globalization;
using Bascule.Jobs.Composition;
using Hangfire;
using Hangfire.Client;
using Hangfire.States;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bascule.Jobs.Cli;

/// <summary>
/// <c>bascule cancel JOB</c>: deletes a job that is queued, scheduled (waiting for a retry) or running; a running
/// migration sees it within a second, stops between batches and marks its run failed, so nothing is half-published. A job
/// that has already finished is left as it is. Exit code 0 when the job is cancelled (or already was), 1 when not: no
/// such job, already finished, or the job storage could not be reached.
/// </summary>
public sealed class CancelCommand(IAnsiConsole console, IOptions<JobStorageOptions> jobs) : Command<CancelCommand.Settings>
{
    public const int Cancelled = 0;
    public const int NotCancelled = 1;

    private const string WhereToFindJobs =
        "Job ids are the numbers bascule enqueue prints; bascule runs shows the job that started each run (column Job), " +
        "and the dashboard of bascule serve lists the queued and running jobs (/hangfire/jobs/enqueued, /hangfire/jobs/processing).";

    public sealed class Settings : FleetJobSettings
    {
        [CommandArgument(0, "<JOB>")]
        [Description("The Hangfire job id printed by `bascule enqueue`, shown by `bascule runs` (column Job) or on the dashboard.")]
        public string Job { get; init; } = "";

        public override ValidationResult Validate() =>
            long.TryParse(Job, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
                ? ValidationResult.Success()
                : ValidationResult.Error($"'{Job}' is not a job id. {WhereToFindJobs}");
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var job = settings.Job;
        try
        {
            var storage = settings.OpenSharedStorage(jobs.Value);
            string? state;
            using (var connection = storage.GetConnection())
            {
                state = connection.GetJobData(job)?.State;
            }

            if (state is null)
            {
                console.MarkupLineInterpolated(
                    CultureInfo.InvariantCulture,
                    $"[red]No job {job} in the job storage: nothing cancelled. {WhereToFindJobs}[/]");
                return NotCancelled;
            }

            if (state == DeletedState.StateName)
            {
                console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Job {job} was already cancelled (deleted): nothing to do.");
                return Cancelled;
            }

            if (IsFinished(state))
            {
                console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{Finished(job, state)}[/]");
                return NotCancelled;
            }

            // Only from the state just read: a job that finishes meanwhile is not turned into a deleted one.
            if (new BackgroundJobClient(storage).ChangeState(job, new DeletedState(), state))
            {
                console.MarkupLineInterpolated(
                    CultureInfo.InvariantCulture,
                    $"Job {job} cancelled (it was {state}): {
                        (state == ProcessingState.StateName ?
                            "it stops between batches, marks its run failed and publishes nothing." : "it will not run.")}");
                return Cancelled;
            }

            string? now;
            using (var connection = storage.GetConnection())
            {
                now = connection.GetJobData(job)?.State;
            }

            console.MarkupLineInterpolated(
                CultureInfo.InvariantCulture,
                $"[red]{(now is not null && IsFinished(now) ? Finished(job, now) : $"Job {
                    job} was not cancelled: it went from {state} to {now ?? "nothing"} meanwhile. Try again.")}[/]");
            return NotCancelled;
        }
        catch (ArgumentException ex)
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{ex.Message}[/]");
            return NotCancelled;
        }
        catch (Exception ex) when (ex is DbException or BackgroundJobClientException)
        {
            // Hangfire's own message only says to see the inner exception: say what failed, with the database's reason.
            var reason = ex is BackgroundJobClientException ? ex.InnerException?.Message ?? "" : ex.Message;
            console.MarkupLineInterpolated(
                CultureInfo.InvariantCulture,
                $"[red]Job {job} could not be cancelled: {
                    reason} Check --jobs-connection (setting Jobs:Connection) and that the database server is reachable.[/]");
            return NotCancelled;
        }
    }

    private static bool IsFinished(string state) => state == SucceededState.StateName || state == FailedState.StateName;

    private static string Finished(string job, string state) =>
        $"Job {job} has already finished ({state}): nothing to cancel, it is left as it is. bascule runs shows the run it started; " +
        "a published run is replaced by migrating the entity and year again.";
}
