using System.Globalization;
using Bascule.Pipeline;
using Bascule.Load;
using Bascule.Reconcile.Model;
using Hangfire;
using Hangfire.Server;

namespace Bascule.Jobs.Hosting;

/// <summary>
/// The Hangfire job behind <c>bascule enqueue</c>: the same pipeline as <c>bascule migrate</c>, with arguments small
/// enough for the job storage. Reentrant: a retried or restarted job starts a new run, which supersedes the earlier
/// published one or cleans up the abandoned one, so each entity and year ends with exactly one published run. A run whose
/// reconciliation is FAILED is held, not published, and the job fails with the checks that failed. A run of the same
/// entity and year that is still loading elsewhere (a <c>bascule migrate</c>, or a job of another job storage) is waited
/// for, as the lock in the job storage is, up to <see cref="MigrationJobOptions.LockTimeout"/>; past that the job fails
/// as an infrastructure fault, naming that run, and Hangfire retries it later.
/// </summary>
public sealed class MigrationJob(MigrationJobOptions options)
{
    /// <summary>
    /// Transient faults (database unreachable, lock not obtained in time) are retried with growing delays;
    /// <see cref="DataFaultException"/> is not, and the job fails with its message on the dashboard.
    /// </summary>
    [JobDisplayName("Migrate {0} {1}")]
    [AutomaticRetry(
        Attempts = 3,
        DelaysInSeconds = [60, 300, 900],
        ExceptOn = [typeof(DataFaultException)],
        OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task<string> RunAsync(
        string entity,
        int year,
        string exportFolder,
        string mappingFolder,
        PerformContext? context,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        // A storage-wide lock, not an in-process one: servers on other machines share it through the job storage.
        using var entityYearLock = context.Connection.AcquireDistributedLock(LockResource(entity, year), options.LockTimeout);
        var owned = options.Provider is null ? options.Staging.Open() : null;
        await using var disposeOwned = owned;
        var provider = options.Provider ?? owned!;
        // The run records its job, so `bascule runs` and the dashboard can be read side by side.
        var request = new MigrationRequest(
            exportFolder, mappingFolder, null, options.Staging.OutRoot,
            new StagingOptions {
                BatchSize = options.BatchSize,
                BeforeBatchWrite = options.BeforeBatchWrite,
                WaitForLease = options.LockTimeout },
            Job: context.BackgroundJob.Id,
            Policies: options.Policies);
        MigrationResult result;
        try
        {
            result = await new MigrationPipeline(provider).RunAsync(request, cancellationToken);
        }
        catch (MigrationFailedException ex) when (ex.Kind == MigrationFailureKind.Data)
        {
            throw new DataFaultException($"{entity} {year}: {ex.Message}", ex);
        }

        context.Items[JobLog.JobLifecycleLog.RunItem] = result.RunId.Value;
        options.RunCompleted?.Invoke(result.RunId);
        if (result.IsHeld)
        {
            throw new DataFaultException(string.Create(
                CultureInfo.InvariantCulture,
                $"{entity} {year}: run {result.RunId} is held, not published: its reconciliation is "
                    + $"{result.Reconciliation.Status.ToCode()}. {result.HeldReason} " +
                $"{(result.StillPublished is { } published ?
                    $"The published run {published} is unchanged." : "No run of this entity and year is published.")} " +
                $"Read its report on this server at {ReportUrl(result.RunId)} (file {result.Reports.Html}), fix the export or the "
                    + $"mapping, then enqueue again; " +
                $"or, once the report is reviewed and signed, bascule publish --run {result.RunId} --reason \"...\"."));
        }

        return result.RunId.Value;
    }

    /// <summary>Where <c>bascule serve</c> shows a run's HTML reconciliation report, the one accountants read and sign.</summary>
    public static string ReportUrl(Load.Runs.RunId run) => $"/runs/{run}/reconciliation.html";

    public static string LockResource(string entity, int year)
        => string.Create(CultureInfo.InvariantCulture, $"bascule:migration:{entity}:{year}");
}
