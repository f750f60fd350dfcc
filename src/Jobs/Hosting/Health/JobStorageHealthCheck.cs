using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bascule.Jobs.Hosting.Health;

/// <summary>
/// The Hangfire job storage answers a read through Hangfire's own connection (a set no job uses), so the check sees what
/// the workers and the dashboard see. Hangfire's storage API is synchronous: the read runs on the thread pool and the
/// check gives up when its timeout cancels it.
/// </summary>
public sealed class JobStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await Task.Run(Read, cancellationToken).WaitAsync(cancellationToken);
        return HealthCheckResult.Healthy();
    }

    private void Read()
    {
        using var connection = storage.GetConnection();
        connection.GetAllItemsFromSet("bascule:health");
    }
}
