using Hangfire;

namespace Bascule.Jobs.Hosting;

/// <summary>Gives each Hangfire server its own configured <see cref="MigrationJob"/>, so two servers in one process can target different
/// settings.</summary>
public sealed class MigrationJobActivator(MigrationJobOptions options) : JobActivator
{
    public override object ActivateJob(Type jobType) =>
        jobType == typeof(MigrationJob) ? new MigrationJob(options) : base.ActivateJob(jobType);
}
