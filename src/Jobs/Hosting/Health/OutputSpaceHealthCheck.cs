using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bascule.Jobs.Hosting.Health;

/// <summary>
/// The disk of the output folder (reports, cut-over packages, the SQLite staging file) has at least the configured free
/// space: below it, the next run's reports may not fit.
/// </summary>
public sealed class OutputSpaceHealthCheck(string outRoot, long minimumFreeBytes) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // The folder may not exist yet (no run so far): its nearest existing parent is on the same disk.
        var folder = new DirectoryInfo(Path.GetFullPath(outRoot));
        while (!folder.Exists && folder.Parent is not null)
        {
            folder = folder.Parent;
        }

        var free = new DriveInfo(folder.FullName).AvailableFreeSpace;
        return Task.FromResult(free >= minimumFreeBytes ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy());
    }
}
