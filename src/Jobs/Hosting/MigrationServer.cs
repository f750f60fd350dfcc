using Hangfire;
using Hangfire.Common;

namespace Bascule.Jobs.Hosting;

/// <summary>The Hangfire server options of a Bascule host: its migration jobs, workers and how long shutdown waits for them.</summary>
public static class MigrationServer
{
    /// <summary>Migrations stop between batches when cancelled, which takes seconds; a longer wait only delays a restart.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(30);

    public static BackgroundJobServerOptions Options(
        MigrationJobOptions jobs,
        int workerCount,
        string serverName,
        JobLog.JobLifecycleLog? lifecycle = null)
    {
        var options = new BackgroundJobServerOptions();
        Configure(options, jobs, workerCount, serverName, lifecycle);
        return options;
    }

    /// <summary>The server's options; with <paramref name="lifecycle"/>, each job's start and end are logged by this server only.</summary>
    public static void Configure(
        BackgroundJobServerOptions options,
        MigrationJobOptions jobs,
        int workerCount,
        string serverName,
        JobLog.JobLifecycleLog? lifecycle = null)
    {
        options.Activator = new MigrationJobActivator(jobs);
        options.WorkerCount = workerCount;
        options.ServerName = serverName;
        options.ShutdownTimeout = ShutdownTimeout;
        // A deleted (cancelled) job is noticed within a second, and delayed retries start on time.
        options.CancellationCheckInterval = TimeSpan.FromSeconds(1);
        options.SchedulePollingInterval = TimeSpan.FromSeconds(1);
        if (lifecycle is not null)
        {
            // A filter of this server, not a global one: other servers of the process (tests) keep their own.
            options.FilterProvider = new JobFilterProviderCollection(JobFilterProviders.Providers, new JobFilterCollection { lifecycle });
        }
    }
}
