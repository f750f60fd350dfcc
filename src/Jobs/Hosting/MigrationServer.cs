using Hangfire;

namespace Bascule.Jobs.Hosting;

/// <summary>The Hangfire server options of a Bascule host: its migration jobs, workers and how long shutdown waits for them.</summary>
public static class MigrationServer
{
    /// <summary>Migrations stop between batches when cancelled, which takes seconds; a longer wait only delays a restart.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(30);

    public static BackgroundJobServerOptions Options(MigrationJobOptions jobs, int workerCount, string serverName)
    {
        var options = new BackgroundJobServerOptions();
        Configure(options, jobs, workerCount, serverName);
        return options;
    }

    public static void Configure(BackgroundJobServerOptions options, MigrationJobOptions jobs, int workerCount, string serverName)
    {
        options.Activator = new MigrationJobActivator(jobs);
        options.WorkerCount = workerCount;
        options.ServerName = serverName;
        options.ShutdownTimeout = ShutdownTimeout;
        // A deleted (cancelled) job is noticed within a second, and delayed retries start on time.
        options.CancellationCheckInterval = TimeSpan.FromSeconds(1);
        options.SchedulePollingInterval = TimeSpan.FromSeconds(1);
    }
}
